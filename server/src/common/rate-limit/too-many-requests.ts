import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** 429 with `Retry-After` (whole seconds, at least 1) and a message that says when to try again. */
export function tooManyRequests(reply: FastifyReply, resetAt: number, message: string, now = Date.now()) {
  const seconds = Math.max(1, Math.ceil((resetAt - now) / 1000));
  void reply.header('Retry-After', String(seconds));
  return new HttpException(
    { message: message.replace('{seconds}', String(seconds)) },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
