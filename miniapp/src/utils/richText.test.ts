import { styledRichText } from './richText';

describe('styledRichText', () => {
  it('styles each known opening tag, keeping attributes and leaving other tags alone', () => {
    const styled = styledRichText(
      '<h2>引言</h2><p>每位员工都是<strong>入口</strong>。</p><img src="https://cdn.example.com/a.png" alt="图"><br/>',
    );
    expect(styled).toMatch(/^<h2 style="[^"]*font-weight:600[^"]*">引言<\/h2>/);
    expect(styled).toContain('<p style="');
    expect(styled).toContain('<strong>入口</strong>');
    expect(styled).toMatch(
      /<img style="[^"]*width:100%[^"]*" src="https:\/\/cdn.example.com\/a.png" alt="图">/,
    );
    expect(styled).toContain('<br/>');
  });

  it('does not mistake a longer tag name for a known one', () => {
    expect(styledRichText('<pre>x</pre><address>y</address>')).toBe('<pre>x</pre><address>y</address>');
  });
});
