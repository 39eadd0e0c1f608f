import { ArgumentsHost, BadRequestException, ForbiddenException, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@cardhub/shared';
import { ApiExceptionFilter } from './api-exception.filter';

describe('ApiExceptionFilter', () => {
  function render(exception: unknown): ApiErrorBody {
    let sent: ApiErrorBody | undefined;
    const reply = {
      header: () => reply,
      status: (code: number) => ({ send: (body: ApiErrorBody) => (sent = { ...body, statusCode: code }) }),
    };
    const host = {
      switchToHttp: () => ({
        getRequest: () => ({ id: 'req-123', method: 'GET', url: '/x' }),
        getResponse: () => reply,
      }),
    } as unknown as ArgumentsHost;
    new ApiExceptionFilter().catch(exception, host);
    return sent!;
  }

  it('keeps the status, message and fields of HTTP exceptions', () => {
    expect(render(new ForbiddenException('没有权限执行此操作'))).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: '没有权限执行此操作',
    });
    const fields = [{ path: 'name', message: 'name is required' }];
    expect(
      render(new BadRequestException({ message: 'Invalid request body: name is required', fields })),
    ).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request body: name is required',
      fields,
    });
  });

  it("keeps the 4xx status of a Fastify plugin's error (a directory under /uploads/) without its details", () => {
    const refused = Object.assign(new Error('Forbidden /srv/data/uploads'), { statusCode: 403 });
    expect(render(refused)).toEqual({ statusCode: 403, error: 'Forbidden', message: '无法处理该请求' });
    const broken = Object.assign(new Error('EIO'), { statusCode: 503 });
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    expect(render(broken).statusCode).toBe(500);
    logged.mockRestore();
  });

  it('answers anything else with a generic 500 that names the request but not the cause', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const body = render(new Error('connect ECONNREFUSED 10.0.0.5:3306 password=hunter2'));
    expect(body.statusCode).toBe(500);
    expect(body.message).toContain('req-123');
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|hunter2/);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it('answers an unreachable database with 503 and a Chinese retry message, never 500', () => {
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
    const lost = Object.assign(new Error('Query failed'), {
      driverError: { code: 'PROTOCOL_CONNECTION_LOST' },
    });
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    for (const error of [refused, lost, busy]) {
      const body = render(error);
      expect(body.statusCode).toBe(503);
      expect(body.message).toMatch(/请 \d+ 秒后重试/);
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|3306/);
    }
    warned.mockRestore();
  });
});
