import { wrapText } from '..';

/** A monospaced measure: every character is 10 wide. */
const measure = (text: string) => [...text].length * 10;

describe('wrapText', () => {
  it('keeps a short text on one line', () => {
    expect(wrapText(measure, '智能名片', 100, 2)).toEqual(['智能名片']);
  });

  it('breaks a long text into lines that fit', () => {
    expect(wrapText(measure, '一二三四五六七八', 50, 2)).toEqual(['一二三四五', '六七八']);
  });

  it('ends the last line with an ellipsis when the text does not fit', () => {
    expect(wrapText(measure, '一二三四五六七八九十甲乙丙', 50, 2)).toEqual(['一二三四五', '六七八九…']);
  });
});
