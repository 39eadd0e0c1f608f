import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EMPLOYEE_IMPORT_COLUMNS, type EmployeeImportDto } from '@cardhub/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentStaff, Public, Roles, type StaffPrincipal } from '../../common/auth';
import { UPLOAD_BODY, readUploadedFile } from '../../infra/uploads';

/** Rosters are small: 2 MB holds tens of thousands of rows. */
export const IMPORT_LIMIT_BYTES = 2 * 1024 * 1024;
import { EmployeeImportsService } from './employee-imports.service';

/** Excel opens a CSV as UTF-8 only when it starts with a byte order mark. */
const TEMPLATE_CSV =
  '\uFEFF' +
  [
    Object.values(EMPLOYEE_IMPORT_COLUMNS).join(','),
    '张三,13800000000,zhangsan@example.com,销售部/华东组,销售代表,员工',
  ].join('\r\n') +
  '\r\n';

/** Bulk import of employees from a CSV or xlsx file: start it, then poll its progress. */
@ApiTags('roster')
@Controller('api/employee-imports')
export class EmployeeImportsController {
  constructor(private readonly imports: EmployeeImportsService) {}

  /** The file to fill in: the columns and one example row. Nothing private in it, so no login (a plain link). */
  @Get('template.csv')
  @Public()
  @ApiProduces('text/csv')
  template(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header(
        'Content-Disposition',
        `attachment; filename="employees.csv"; filename*=UTF-8''${encodeURIComponent('员工导入模板.csv')}`,
      );
    return TEMPLATE_CSV;
  }

  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  async start(
    @CurrentStaff() admin: StaffPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<EmployeeImportDto> {
    return this.imports.start(
      admin,
      await readUploadedFile(request, { maxBytes: IMPORT_LIMIT_BYTES, noun: '文件' }),
    );
  }

  @Get(':id')
  @Roles('admin')
  @ApiBearerAuth()
  find(@CurrentStaff() admin: StaffPrincipal, @Param('id') id: string): Promise<EmployeeImportDto> {
    return this.imports.find(admin, id);
  }
}
