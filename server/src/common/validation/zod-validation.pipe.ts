import { BadRequestException, PipeTransform } from '@nestjs/common';
import type { ApiErrorBody } from '@cardhub/shared';
import { z } from 'zod';

/** Validates (and normalises: trims, defaults) one request part with a schema from `@cardhub/shared`. */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(
    private readonly schema: Schema,
    private readonly part: 'body' | 'query' | 'params' = 'body',
  ) {}

  transform(value: unknown): z.output<Schema> {
    // Parsing with an error map is several times slower, so it is left to the rare input that fails.
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const explained = this.schema.safeParse(value, { error: requiredMessage });
    throw new BadRequestException(invalidRequestBody(this.part, explained.error ?? result.error));
  }
}

/** A missing field reads "is required" rather than zod's "expected string, received undefined". */
function requiredMessage(issue: z.core.$ZodRawIssue): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;
}

export function invalidRequestBody(part: string, error: z.ZodError): ApiErrorBody {
  const fields = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return { path, message: path ? `${path} ${issue.message}` : issue.message };
  });
  return {
    statusCode: 400,
    error: 'Bad Request',
    message: `Invalid request ${part}: ${fields.map((field) => field.message).join('; ')}`,
    fields,
  };
}

/** A text/plain body (a string by the time it gets here) parsed as JSON; any other body passes through. */
export class TextPlainJsonPipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown): unknown {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      throw new BadRequestException({
        message: 'Invalid request body: must be JSON',
        fields: [
          { path: '', message: 'the body must be a JSON document (sent as application/json or text/plain)' },
        ],
      });
    }
  }
}
