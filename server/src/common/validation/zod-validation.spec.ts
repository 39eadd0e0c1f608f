import { BadRequestException, Controller, Get, Post } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { updateCardSchema } from '@cardhub/shared';
import { z } from 'zod';
import { ZodBody, ZodQuery } from './zod-decorators';
import { ZodValidationPipe } from './zod-validation.pipe';

const radarQuery = z.object({
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

@Controller()
class Documented {
  @Post() update(@ZodBody(updateCardSchema) _card: unknown) {}
  @Get() list(@ZodQuery(radarQuery) _query: unknown) {}
}

describe('ZodValidationPipe', () => {
  function failure(schema: z.ZodType, value: unknown): object {
    try {
      new ZodValidationPipe(schema).transform(value);
    } catch (error) {
      if (error instanceof BadRequestException) return error.getResponse() as object;
      throw error;
    }
    throw new Error('expected a validation failure');
  }

  it('returns the parsed value with defaults and trimming applied', () => {
    expect(new ZodValidationPipe(updateCardSchema).transform({ name: ' 张伟 ' })).toMatchObject({
      name: '张伟',
      phone: '',
    });
    expect(new ZodValidationPipe(radarQuery, 'query').transform({ limit: '5' })).toEqual({ limit: 5 });
  });

  it('names every field at fault with a message a person can act on', () => {
    expect(failure(updateCardSchema, { wechatId: '1abc', email: 'nope' })).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        'Invalid request body: name is required; wechatId must be a WeChat ID: 6–20 letters, digits, "-" or "_", starting with a letter; email must be an email address',
      fields: [
        { path: 'name', message: 'name is required' },
        {
          path: 'wechatId',
          message: 'wechatId must be a WeChat ID: 6–20 letters, digits, "-" or "_", starting with a letter',
        },
        { path: 'email', message: 'email must be an email address' },
      ],
    });
  });

  it('reports a body that is not an object without a path', () => {
    expect(failure(updateCardSchema, undefined)).toMatchObject({
      fields: [{ path: '', message: 'is required' }],
    });
  });
});

describe('ZodBody and ZodQuery', () => {
  it('document the request in OpenAPI from the same schema', () => {
    const [body] = Reflect.getMetadata(DECORATORS.API_PARAMETERS, Documented.prototype.update);
    expect(body).toMatchObject({ in: 'body', schema: { type: 'object', required: ['name'] } });
    expect(body.schema.properties.wechatId).toMatchObject({ type: 'string', pattern: expect.any(String) });

    const parameters = Reflect.getMetadata(DECORATORS.API_PARAMETERS, Documented.prototype.list);
    expect(parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'before', in: 'query', required: false }),
        expect.objectContaining({ name: 'limit', in: 'query', required: false }),
      ]),
    );
  });
});
