import { buildVCard } from './vcard';

const card = {
  name: '张伟',
  title: '销售总监',
  company: '星辰科技',
  phone: '13800138001',
  email: 'zhang@example.com',
  address: '上海市浦东新区, 世纪大道100号',
  siteUrl: 'https://example.com',
  wechatId: 'zhangwei_sh',
};

describe('buildVCard', () => {
  it('writes every filled field as vCard 3.0 lines', () => {
    const lines = buildVCard(card).split('\r\n');
    expect(lines).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:张伟',
      'N:张伟;;;;',
      'ORG:星辰科技',
      'TITLE:销售总监',
      'TEL;TYPE=CELL:13800138001',
      'EMAIL;TYPE=INTERNET:zhang@example.com',
      'ADR;TYPE=WORK:;;上海市浦东新区\\, 世纪大道100号;;;;',
      'URL:https://example.com',
      'NOTE:微信：zhangwei_sh',
      'END:VCARD',
      '',
    ]);
  });

  it.each([
    ['a comma', 'A, B', 'A\\, B'],
    ['a semicolon', 'A;B', 'A\\;B'],
    ['a backslash', 'A\\B', 'A\\\\B'],
    ['a newline', 'A\nB', 'A\\nB'],
  ])('escapes %s in a value', (_label, company, escaped) => {
    expect(buildVCard({ ...card, company })).toContain(`ORG:${escaped}\r\n`);
  });

  it('leaves out empty fields', () => {
    const text = buildVCard({ ...card, title: '', email: '', address: '', siteUrl: '', wechatId: '' });
    expect(text).not.toMatch(/TITLE|EMAIL|ADR|URL|NOTE/);
    expect(text).toContain('TEL;TYPE=CELL:13800138001');
  });
});
