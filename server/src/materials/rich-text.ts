import sanitizeHtml from 'sanitize-html';

const HTTP_URL = /^https?:\/\//i;
/** Images may also be our own uploads. */
const IMAGE_SOURCE = /^(https?:\/\/|\/uploads\/)/i;

const RICH_TEXT_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'img', 'a'],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https'],
  allowProtocolRelative: false,
  // A link to anything but the web keeps its text and loses its target.
  transformTags: {
    // Browsers' editors make a paragraph a <div> when Enter is pressed: keep it a paragraph.
    div: 'p',
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ?? '';
      return { tagName, attribs: HTTP_URL.test(href) ? { href } : {} };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !IMAGE_SOURCE.test(frame.attribs.src ?? ''),
};

/**
 * Article and product bodies as stored: only the formatting of our editor survives (paragraphs, headings,
 * lists, quotes, emphasis, web links, images); scripts, styles and event handlers are removed, not escaped.
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, RICH_TEXT_OPTIONS);
}
