import { CsvSyntaxError, parseCsv } from './csv';

describe('parseCsv', () => {
  it('splits plain lines and cells, with any line ending', () => {
    expect(parseCsv('姓名,手机号\r\n张三,13800138000\n李四,13800138001\r王五,')).toEqual([
      { line: 1, cells: ['姓名', '手机号'] },
      { line: 2, cells: ['张三', '13800138000'] },
      { line: 3, cells: ['李四', '13800138001'] },
      { line: 4, cells: ['王五', ''] },
    ]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted cells, and counts lines', () => {
    const text = '姓名,职位\n"张三","销售,华东"\n"李""四""","第一行\r\n第二行"\n王五,经理\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['姓名', '职位'] },
      { line: 2, cells: ['张三', '销售,华东'] },
      { line: 3, cells: ['李"四"', '第一行\n第二行'] },
      { line: 5, cells: ['王五', '经理'] },
    ]);
  });

  it('keeps blank lines as records so later line numbers stay true', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['b'] },
    ]);
  });

  it('keeps a quote inside an unquoted cell as it is', () => {
    expect(parseCsv('a,5"寸屏\n')).toEqual([{ line: 1, cells: ['a', '5"寸屏'] }]);
  });

  it('uses tabs or semicolons when the header line does', () => {
    expect(parseCsv('姓名\t部门\n张三\t销售部,华东')[1]!.cells).toEqual(['张三', '销售部,华东']);
    expect(parseCsv('姓名;部门\n张三;销售部')[1]!.cells).toEqual(['张三', '销售部']);
  });

  it('reports a quote left open with the line it starts on', () => {
    expect(() => parseCsv('姓名,职位\n张三,"销售\n李四,经理\n')).toThrow(
      expect.objectContaining({ name: CsvSyntaxError.name, line: 2 }),
    );
  });

  it('reads an empty text as no records', () => {
    expect(parseCsv('')).toEqual([]);
  });
});
