import { ArgumentsHost, BadRequestException, ForbiddenException, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@cardhub/shared';
import { ApiExceptionFilter } from './api-exception.filter';

describe('ApiExceptionFilter', () => {
  function render(exception: unknown): ApiErrorBody {
    let sent: ApiErrorBody | undefined;
    const reply = {
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

  it('answers anything else with a generic 500 that names the request but not the cause', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const body = render(new Error('connect ECONNREFUSED 10.0.0.5:3306 password=hunter2'));
    expect(body.statusCode).toBe(500);
    expect(body.message).toContain('req-123');
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|hunter2/);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });
});
