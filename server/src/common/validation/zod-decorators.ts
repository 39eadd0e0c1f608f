import { Body, Query } from '@nestjs/common';
import { ApiBody, ApiQuery, type SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';
import { TextPlainJsonPipe, ZodValidationPipe } from './zod-validation.pipe';

export interface ZodBodyOptions {
  /**
   * Also take JSON sent as text/plain: what `navigator.sendBeacon` sends, and the only JSON a cross-origin
   * page can POST without a CORS preflight.
   */
  textPlainJson?: boolean;
}

/** A request schema as a route declared it, so tests can send hostile input to every one of them. */
export type DeclaredRequestSchema = {
  part: 'body' | 'query';
  schema: z.ZodType;
  textPlainJson: boolean;
} & (
  | {
      /** The controller's prototype and the handler's name: where Nest keeps the route's path and method. */
      controller: object;
      handler: string | symbol;
    }
  | {
      /** A bare Fastify route's `METHOD /path` (common/http). */
      route: string;
    }
);

const declaredSchemas: DeclaredRequestSchema[] = [];

/** Every schema a `@ZodBody` or `@ZodQuery` of a loaded controller declared. */
export function declaredRequestSchemas(): readonly DeclaredRequestSchema[] {
  return declaredSchemas;
}

/**
 * `@ZodBody(schema) input: z.output<typeof schema>`: validates the JSON body and documents it in OpenAPI
 * from the same schema, so the docs cannot drift from what is enforced.
 */
export function ZodBody(schema: z.ZodType, options: ZodBodyOptions = {}): ParameterDecorator {
  const validate = new ZodValidationPipe(schema, 'body');
  return (target, propertyKey, index) => {
    const pipes = options.textPlainJson ? [new TextPlainJsonPipe(), validate] : [validate];
    Body(...pipes)(target, propertyKey, index);
    applyToMethod(target, propertyKey, ApiBody({ schema: toOpenApiSchema(schema) }));
    declaredSchemas.push({
      part: 'body',
      schema,
      controller: target,
      handler: propertyKey!,
      textPlainJson: Boolean(options.textPlainJson),
    });
  };
}

/**
 * The body validation of a bare Fastify route (common/http), which has no Nest pipes: the same checks and
 * 400s as `@ZodBody`, and declared like it. Call it when the route's file is loaded, so the declaration is
 * there before any app starts.
 */
export function bareBodyValidator<Schema extends z.ZodType>(
  route: string,
  schema: Schema,
): (body: unknown) => z.output<Schema> {
  const validate = new ZodValidationPipe(schema, 'body');
  declaredSchemas.push({ part: 'body', schema, route, textPlainJson: false });
  return (body) => validate.transform(body);
}

/** `@ZodQuery(schema) query: z.output<typeof schema>`: the same for the query string (an object schema). */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, propertyKey, index) => {
    Query(new ZodValidationPipe(schema, 'query'))(target, propertyKey, index);
    declaredSchemas.push({
      part: 'query',
      schema,
      controller: target,
      handler: propertyKey!,
      textPlainJson: false,
    });
    const { properties = {}, required = [] } = toOpenApiSchema(schema);
    for (const [name, property] of Object.entries(properties)) {
      applyToMethod(
        target,
        propertyKey,
        ApiQuery({ name, required: required.includes(name), schema: property }),
      );
    }
  };
}

export function toOpenApiSchema(schema: z.ZodType): SchemaObject {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  });
  return jsonSchema as SchemaObject;
}

function applyToMethod(
  target: object,
  propertyKey: string | symbol | undefined,
  decorator: MethodDecorator,
): void {
  if (propertyKey === undefined) throw new Error('Zod request decorators apply to method parameters only');
  decorator(target, propertyKey, Object.getOwnPropertyDescriptor(target, propertyKey)!);
}
