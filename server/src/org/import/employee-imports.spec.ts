import type { EmployeeImportDto, EmployeeListResponse, LoginResponse } from '@cardhub/shared';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DataSource } from 'typeorm';
import { Card } from '../../cards/entities/card.entity';
import { IMPORT_LIMIT_BYTES } from './employee-imports.controller';
import { EmployeeImport } from '../entities/employee-import.entity';
import {
  type TestApp,
  WINDOWS_EXECUTABLE,
  bearer,
  createTestApp,
  describeEachDatabase,
} from '../../test-support';

const HEADER = '姓名,手机号,邮箱,部门,职位,角色';

/** A CSV file as Excel saves it: CRLF lines, UTF-8 with a byte order mark unless encoded otherwise. */
function csv(lines: string[], encoding: 'utf8-bom' | 'utf8' | 'gbk' = 'utf8-bom'): Buffer {
  const text = lines.join('\r\n') + '\r\n';
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.from((encoding === 'utf8-bom' ? '\uFEFF' : '') + text, 'utf8');
}

describeEachDatabase('employee imports', (database) => {
  let t: TestApp;
  let admin: LoginResponse;
  let manager: LoginResponse;
  let zhang: LoginResponse;
  let otherAdmin: LoginResponse;

  beforeAll(async () => {
    t = await createTestApp({ databaseUrl: database.url });
    admin = await t.loginAs(t.demo.adminId);
    manager = await t.loginAs(t.demo.managerId);
    zhang = await t.loginAs(t.demo.employeeIds[0]!);
    otherAdmin = await t.loginAs(t.demo.otherAdminId);
  });
  afterAll(() => t.close());

  const upload = (content: Buffer, fileName = 'employees.csv', as = admin) =>
    t.http.post('/api/employee-imports').set(bearer(as)).attach('file', content, fileName);

  const poll = async (id: string): Promise<EmployeeImportDto> => {
    for (let attempt = 0; attempt < 300; attempt++) {
      const response = await t.http.get(`/api/employee-imports/${id}`).set(bearer(admin));
      expect(response.status).toBe(200);
      if (response.body.status !== 'running') return response.body as EmployeeImportDto;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`import ${id} did not finish`);
  };

  /** Uploads, expects 202 and waits for the background import to finish. */
  const importFile = async (content: Buffer, fileName?: string): Promise<EmployeeImportDto> => {
    const response = await upload(content, fileName);
    if (response.status !== 202)
      throw new Error(`import refused: ${response.status} ${JSON.stringify(response.body)}`);
    expect(response.body).toMatchObject({ status: 'running', finishedAt: null });
    return poll(response.body.id);
  };

  const findEmployee = async (q: string) => {
    const response = await t.http.get('/api/employees').query({ q }).set(bearer(admin));
    return (response.body as EmployeeListResponse).items;
  };

  describe('a CSV file', () => {
    const roster = csv([
      HEADER,
      '林晓,13600000001,LinXiao@example.com,销售部/华东组,销售代表,员工',
      '"何""大""伟",13600000002,,"销售部/华东组","大客户经理,华东",经理',
      ',13600000003,,销售部,销售代表,',
      '宋佳,1360000,,销售部,,',
      '唐宁,13600000005,,销售部,销售代表,老板',
      '',
      '许诺,136-0000-0001,,市场部,,',
      '曾小贤,13600000007,,市场部,"高级',
      '顾问",',
      '张伟,13800138001,,销售一部,首席销售顾问,',
      '邓超,,dengchao@example.com,,,',
    ]);

    it('imports the good rows, reports each bad row with its line, and creates missing departments', async () => {
      const result = await importFile(roster, '花名册.csv');
      expect(result).toMatchObject({
        fileName: '花名册.csv',
        status: 'done',
        total: 9,
        processed: 9,
        created: 4,
        updated: 1,
        unchanged: 0,
        failed: 4,
        failure: null,
      });
      expect(result.errors).toEqual([
        { line: 4, message: '姓名不能为空' },
        { line: 5, message: '手机号「1360000」不是有效的 11 位手机号' },
        { line: 6, message: '角色「老板」无效，应为员工、经理、管理员之一' },
        { line: 8, message: '手机号与第 2 行重复' },
      ]);

      const [linxiao] = await findEmployee('13600000001');
      expect(linxiao).toMatchObject({
        name: '林晓',
        email: 'linxiao@example.com',
        departmentPath: '销售部/华东组',
        status: 'invited',
        role: 'employee',
        invitation: { code: expect.any(String) },
      });
      expect((await findEmployee('13600000002'))[0]).toMatchObject({
        name: '何"大"伟',
        title: '大客户经理,华东',
        role: 'manager',
        departmentPath: '销售部/华东组',
      });
      expect((await findEmployee('13600000007'))[0]).toMatchObject({
        title: '高级\n顾问',
        departmentPath: '市场部',
      });
      expect((await findEmployee('dengchao'))[0]).toMatchObject({ name: '邓超', departmentPath: null });

      const zhangwei = t.demo.employeeIds[0]!;
      expect((await findEmployee('13800138001'))[0]).toMatchObject({
        id: zhangwei,
        title: '首席销售顾问',
        role: 'employee',
        status: 'active',
      });
      const card = await t.get(DataSource).getRepository(Card).findOneByOrFail({ employeeId: zhangwei });
      expect(card.title).toBe('首席销售顾问');

      const departments = await t.http.get('/api/departments').set(bearer(admin));
      const sales = departments.body.departments.filter((department: { name: string }) =>
        ['销售部', '华东组'].includes(department.name),
      );
      expect(sales).toHaveLength(2);
    });

    it('changes nothing when the same file is imported again', async () => {
      const again = await importFile(roster);
      expect(again).toMatchObject({ total: 9, created: 0, updated: 0, unchanged: 5, failed: 4 });
      const departments = await t.http.get('/api/departments').set(bearer(admin));
      expect(
        departments.body.departments.filter((department: { name: string }) => department.name === '华东组'),
      ).toHaveLength(1);
    });

    it('updates a matched employee by phone, else by email; empty cells keep what they have', async () => {
      const result = await importFile(
        csv([
          '姓名,手机号,邮箱,部门,职位,角色',
          '林晓,13600000001,,市场部,,',
          '邓超,13600000009,DengChao@example.com,,市场总监,经理',
        ]),
      );
      expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 0, failed: 0 });
      expect((await findEmployee('13600000001'))[0]).toMatchObject({
        email: 'linxiao@example.com',
        title: '销售代表',
        departmentPath: '市场部',
      });
      expect((await findEmployee('dengchao'))[0]).toMatchObject({
        phone: '13600000009',
        title: '市场总监',
        role: 'manager',
      });
    });

    it('reports rows the roster refuses: no contact, two different people, the admin demoting themselves', async () => {
      const result = await importFile(
        csv([
          '姓名*,手机,电子邮箱,部门,职务,角色',
          '无名氏,,,,,',
          '混搭,13800138002,chenjing@xingchen-tech.cn,,,',
          '王总,13800138000,,,,员工',
          '新同事,13600000010,,,,',
        ]),
      );
      expect(result).toMatchObject({ created: 1, updated: 0, failed: 3 });
      expect(result.errors).toEqual([
        { line: 2, message: '手机号和邮箱至少填写一项，用来识别员工' },
        { line: 3, message: '手机号属于「刘洋」，邮箱属于「陈静」，无法确定是哪位员工' },
        { line: 4, message: '不能修改自己的角色，请让另一位管理员操作' },
      ]);
      expect((await findEmployee('13800138000'))[0]!.role).toBe('admin');
    });

    it('imports a GBK file (Excel on Chinese Windows) like a UTF-8 one', async () => {
      const result = await importFile(
        csv([HEADER, '欧阳锋,13600000011,,技术部/平台组,架构师,员工'], 'gbk'),
        'gbk.csv',
      );
      expect(result).toMatchObject({ created: 1, failed: 0 });
      expect((await findEmployee('13600000011'))[0]).toMatchObject({
        name: '欧阳锋',
        departmentPath: '技术部/平台组',
        title: '架构师',
      });
      const withoutBom = await importFile(csv([HEADER, '黄蓉,13600000012,,,,'], 'utf8'));
      expect(withoutBom).toMatchObject({ created: 1, failed: 0 });
    });

    it('refuses a file in a broken encoding with 400 and imports nothing', async () => {
      const broken = Buffer.concat([
        Buffer.from('姓名,手机号\r\n', 'utf8'),
        Buffer.from([0xc3, 0x28, 0x2c, 0x31, 0xff, 0xfe, 0x0d, 0x0a]),
      ]);
      const response = await upload(broken);
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('文件编码无法识别或已损坏');
      expect(response.body.fields).toEqual([
        { path: 'file', message: 'file must be text encoded in UTF-8 or GB18030/GBK' },
      ]);
    });

    it('refuses files that are not a roster: no header, unclosed quote, UTF-16 (400)', async () => {
      const noHeader = await upload(csv(['张三,13600000020']));
      expect(noHeader.status).toBe(400);
      expect(noHeader.body.message).toContain('第 1 行应是表头，且包含「姓名」列');

      const unclosed = await upload(csv([HEADER, '张三,13600000021,,"销售部', '李四,13600000022']));
      expect(unclosed.status).toBe(400);
      expect(unclosed.body.message).toBe('第 2 行的引号没有闭合');

      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\r\n`, 'utf16le')]);
      expect((await upload(utf16)).status).toBe(400);
      expect((await upload(csv([HEADER]))).body.message).toBe('文件里没有员工数据');
    });
  });

  describe('an xlsx file', () => {
    it('is read by content (whatever its name) and imported like a CSV', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('员工');
      sheet.addRow(['姓名', '手机号', '邮箱', '部门', '职位', '角色']);
      // Excel keeps typed phone numbers as numbers and addresses as hyperlinks.
      sheet.addRow([
        '郭靖',
        13600000031,
        { text: 'guojing@example.com', hyperlink: 'mailto:guojing@example.com' },
        '销售部/华南组',
        '销售代表',
        '员工',
      ]);
      sheet.addRow([]);
      sheet.addRow(['', 13600000032, '', '', '', '']);
      sheet.addRow(['杨过', '136 0000 0033', '', '销售部', '', '管理员']);
      const content = Buffer.from(await workbook.xlsx.writeBuffer());

      const result = await importFile(content, 'roster.bin');
      expect(result).toMatchObject({ total: 3, created: 2, failed: 1 });
      expect(result.errors).toEqual([{ line: 4, message: '姓名不能为空' }]);
      expect((await findEmployee('13600000031'))[0]).toMatchObject({
        name: '郭靖',
        email: 'guojing@example.com',
        departmentPath: '销售部/华南组',
      });
      expect((await findEmployee('13600000033'))[0]).toMatchObject({ role: 'admin', phone: '13600000033' });

      const again = await importFile(content, 'roster.xlsx');
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 1 });
    });

    it('refuses a ZIP that is not a workbook (415) and a damaged workbook (400)', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('员工').addRow(['姓名']);
      const content = Buffer.from(await workbook.xlsx.writeBuffer());
      const damaged = Buffer.from(content);
      damaged.fill(0x41, 200, 1200);
      expect((await upload(damaged, 'damaged.xlsx')).status).toBe(400);

      const notWorkbook = Buffer.from(
        content.toString('latin1').replaceAll('xl/workbook.xml', 'xl/notebook.xml'),
        'latin1',
      );
      expect((await upload(notWorkbook, 'fake.xlsx')).status).toBe(415);
    });
  });

  describe('limits and access', () => {
    it('refuses an executable renamed .csv (415) and a legacy .xls (415)', async () => {
      const executable = await upload(WINDOWS_EXECUTABLE, 'employees.csv');
      expect(executable.status).toBe(415);
      expect(executable.body.message).toBe('文件必须是 CSV 或 Excel（.xlsx）格式');

      const legacy = Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(600),
      ]);
      const xls = await upload(legacy, 'employees.xls');
      expect(xls.status).toBe(415);
      expect(xls.body.message).toContain('.xls');
    });

    it('refuses a file over 2 MB (413) and a request without a file (400)', async () => {
      const oversize = Buffer.alloc(IMPORT_LIMIT_BYTES + 1024, 'a');
      const response = await upload(oversize, 'big.csv');
      expect(response.status).toBe(413);
      expect(response.body.message).toBe('文件不能超过 2 MB，请压缩后重新上传');

      const noFile = await t.http.post('/api/employee-imports').set(bearer(admin)).send({});
      expect(noFile.status).toBe(400);
    });

    it('refuses forms it cannot read with 400, storing nothing, and reads the next upload', async () => {
      const imports = t.get(DataSource).getRepository(EmployeeImport);
      const before = await imports.count();
      const post = () => t.http.post('/api/employee-imports').set(bearer(admin));
      const part = '--B\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n';
      const refused = [
        await post().set('content-type', 'multipart/form-data').send('no boundary'),
        await post().set('content-type', 'multipart/form-data; boundary=B').send(`${part}cut off`),
        await post().attach('attachment', csv([HEADER]), 'a.csv'),
      ];
      expect(refused.map((response) => [response.status, response.body.message])).toEqual([
        [400, '无法读取上传的文件，请重新上传'],
        [400, '无法读取上传的文件，请重新上传'],
        [400, '请选择要上传的文件'],
      ]);
      expect(await imports.count()).toBe(before);

      const next = await importFile(csv([HEADER, '林晓,13600000043,,,,']), '名单.csv');
      expect(next).toMatchObject({ status: 'done', fileName: '名单.csv', created: 1 });
    });

    it('is for admins of the organization only (401/403/404)', async () => {
      const file = csv([HEADER, '越权者,13600000041,,,,']);
      expect((await t.http.post('/api/employee-imports').attach('file', file, 'a.csv')).status).toBe(401);
      expect((await upload(file, 'a.csv', zhang)).status).toBe(403);
      expect((await upload(file, 'a.csv', manager)).status).toBe(403);

      const mine = await importFile(csv([HEADER, '自家人,13600000042,,,,']));
      const foreign = await t.http.get(`/api/employee-imports/${mine.id}`).set(bearer(otherAdmin));
      expect(foreign.status).toBe(404);
      expect((await t.http.get(`/api/employee-imports/${mine.id}`).set(bearer(zhang))).status).toBe(403);
    });

    it('runs a larger file in the background, reporting progress until done', async () => {
      const rows = Array.from(
        { length: 300 },
        (_, index) => `批量${index},1350000${String(index).padStart(4, '0')},,批量部,,`,
      );
      const started = await upload(csv([HEADER, ...rows]));
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ status: 'running', total: 300, processed: 0 });
      expect(await poll(started.body.id)).toMatchObject({
        status: 'done',
        processed: 300,
        created: 300,
        failed: 0,
      });
    });

    it('takes one import at a time per organization (409)', async () => {
      const imports = t.get(DataSource).getRepository(EmployeeImport);
      const running = await imports.save(
        imports.create({
          organizationId: t.demo.organizationId,
          createdByEmployeeId: t.demo.adminId,
          fileName: 'earlier.csv',
          status: 'running',
          errors: [],
        }),
      );
      try {
        const second = await upload(csv([HEADER, '插队,13600000051,,,,']));
        expect(second.status).toBe(409);
        expect(second.body.message).toBe('上一次导入还在进行中，请等它完成后再导入');
        expect((await upload(csv([HEADER, '别家,13600000051,,,,']), 'a.csv', otherAdmin)).status).toBe(202);
      } finally {
        await imports.update({ id: running.id }, { status: 'done' });
      }
    });

    it('serves the template, which Excel opens as UTF-8 and which imports as it is', async () => {
      const response = await t.http.get('/api/employee-imports/template.csv').buffer(true);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const content = Buffer.from(response.text, 'utf8');
      expect(content.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(response.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADER);
      expect(await importFile(content, '员工导入模板.csv')).toMatchObject({ created: 1, failed: 0 });
    });
  });
});
