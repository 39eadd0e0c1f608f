/**
 * Inline styles for the tags an article or product body may contain (the server's sanitiser keeps only these).
 * WeChat's rich-text ignores the page's tag selectors, so the typography travels inside the HTML, the same on
 * both platforms; images span the column.
 */
const TAG_STYLES: Record<string, string> = {
  h2: 'margin:1.2em 0 0.5em;font-size:1.25em;font-weight:600;line-height:1.4;color:#1f2329',
  h3: 'margin:1.1em 0 0.4em;font-size:1.1em;font-weight:600;line-height:1.4;color:#1f2329',
  p: 'margin:0 0 1em;line-height:1.8;color:#373c43',
  ul: 'margin:0 0 1em;padding-left:1.4em;line-height:1.8;color:#373c43',
  ol: 'margin:0 0 1em;padding-left:1.4em;line-height:1.8;color:#373c43',
  li: 'margin:0.3em 0',
  blockquote:
    'margin:1.2em 0;padding:0.8em 1em;border-left:4px solid #3370ff;background:#f2f6ff;color:#245bdb;line-height:1.7;border-radius:4px',
  img: 'display:block;width:100%;height:auto;margin:1em 0;border-radius:8px',
  a: 'color:#3370ff;word-break:break-all',
};

const OPENING_TAG = new RegExp(`<(${Object.keys(TAG_STYLES).join('|')})(?=[\\s>/])`, 'g');

/** The sanitised body with its typography inlined, ready for RichText. */
export function styledRichText(html: string): string {
  return html.replace(OPENING_TAG, (tag, name: string) => `${tag} style="${TAG_STYLES[name]}"`);
}
