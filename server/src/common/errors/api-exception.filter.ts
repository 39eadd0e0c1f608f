import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@cardhub/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

/**
 * Every error leaves as an `ApiErrorBody`. HttpExceptions keep their status and message (Nest already maps
 * Fastify's own errors — body too large, bad JSON, unsupported media type, unknown route — to them);
 * anything else is a bug: logged with the request id, answered with a generic 500 that leaks nothing.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Unhandled');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body =
      exception instanceof HttpException
        ? httpExceptionBody(exception)
        : this.internalError(exception, request);
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
