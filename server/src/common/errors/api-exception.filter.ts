import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@cardhub/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { isDatabaseUnavailable } from '../../infra/database/database-errors';

/** How long a client is asked to wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Every error leaves as an `ApiErrorBody`. HttpExceptions keep their status and message (Nest already maps
 * Fastify's own errors — body too large, bad JSON, unsupported media type, unknown route — to them);
 * errors of Fastify plugins that carry a 4xx `statusCode` (@fastify/static refusing a directory, say) keep
 * that status; an unreachable database is a passing outage: 503 with Retry-After, so clients keep what they
 * were sending and retry (ids make that safe); anything else is a bug: logged with the request id, answered
 * with a generic 500 that leaks nothing.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Unhandled');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (!(exception instanceof HttpException) && isDatabaseUnavailable(exception)) {
      this.logger.warn(`database unavailable during ${request.method} ${request.url}: ${String(exception)}`);
      void reply
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .status(503)
        .send({
          statusCode: HttpStatus.SERVICE_UNAVAILABLE,
          error: STATUS_CODES[503]!,
          message: `服务暂时繁忙，数据未保存，请 ${DATABASE_RETRY_AFTER_SECONDS} 秒后重试（请求编号 ${request.id}）`,
        } satisfies ApiErrorBody);
      return;
    }
    const body =
      exception instanceof HttpException
        ? httpExceptionBody(exception)
        : (clientErrorBody(exception) ?? this.internalError(exception, request));
    void reply.status(body.statusCode).send(body);
  }

  private internalError(exception: unknown, request: FastifyRequest): ApiErrorBody {
    this.logger.error(
      { err: exception, requestId: request.id, method: request.method, url: request.url },
      `Unhandled error in ${request.method} ${request.url} (request ${request.id})`,
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: STATUS_CODES[500]!,
      message: `服务器内部错误，请稍后重试（请求编号 ${request.id}）`,
    };
  }
}

function clientErrorBody(exception: unknown): ApiErrorBody | undefined {
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode > 499) return undefined;
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: '无法处理该请求' };
}

function httpExceptionBody(exception: HttpException): ApiErrorBody {
  const statusCode = exception.getStatus();
  const error = STATUS_CODES[statusCode] ?? 'Error';
  const response = exception.getResponse();
  if (typeof response === 'string') return { statusCode, error, message: response };
  const { message, fields } = response as { message?: string | string[]; fields?: ApiErrorBody['fields'] };
  return {
    statusCode,
    error,
    message: Array.isArray(message) ? message.join('; ') : (message ?? exception.message),
    ...(fields ? { fields } : {}),
  };
}
