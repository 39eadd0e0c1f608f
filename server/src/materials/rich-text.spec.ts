import { sanitizeRichText } from './rich-text';

describe('sanitizeRichText', () => {
  it.each([
    [
      'keeps the allowed formatting',
      '<h2>标题</h2><p>一段<strong>重点</strong>和<em>强调</em><br></p>',
      '<h2>标题</h2><p>一段<strong>重点</strong>和<em>强调</em><br /></p>',
    ],
    [
      'keeps lists and quotes',
      '<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>c</blockquote>',
      '<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>c</blockquote>',
    ],
    ['removes scripts with their content', '<p>hi</p><script>alert(1)</script>', '<p>hi</p>'],
    [
      'removes event handlers',
      '<img src="https://cdn.example.com/a.png" onerror="alert(1)">',
      '<img src="https://cdn.example.com/a.png" />',
    ],
    [
      'keeps images of our uploads',
      '<img src="/uploads/covers/a.png" alt="图">',
      '<img src="/uploads/covers/a.png" alt="图" />',
    ],
    [
      'drops images from other places',
      '<img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA"><img src="/etc/passwd">',
      '',
    ],
    [
      'keeps web links',
      '<a href="https://example.com" target="_blank" style="x">官网</a>',
      '<a href="https://example.com">官网</a>',
    ],
    [
      'disarms script links, keeping their text',
      '<a href="javascript:alert(1)">点我</a><a href="//evil.example">x</a>',
      '<a>点我</a><a>x</a>',
    ],
    [
      'unwraps other tags, keeping their text',
      '<section class="x"><span style="color:red">文字</span></section><iframe src="https://x"></iframe>',
      '文字',
    ],
    [
      "keeps the paragraphs a browser's editor wrote as <div>",
      '<div>第一段</div><div style="color:red">第二段</div>',
      '<p>第一段</p><p>第二段</p>',
    ],
  ])('%s', (_label, input, stored) => {
    expect(sanitizeRichText(input)).toBe(stored);
  });
});
