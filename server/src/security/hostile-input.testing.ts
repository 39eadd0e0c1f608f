import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import fc from 'fast-check';
import type { DeclaredRequestSchema } from '../common/validation';
import type { RouteKey } from './route-table.testing';

/** Text that has broken other systems: markup, SQL, template and path tricks, odd Unicode. */
export const INJECTION_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "'; DROP TABLE employees; --",
  '" OR ""="',
  '${7*7}{{7*7}}',
  "{{constructor.constructor('alert(1)')()}}",
  '../../../../etc/passwd',
  'javascript:alert(1)',
  '\u0000',
  '\uD800',
  '\uDFFFx\uD800',
  '\u202Egnp.exe',
  '\uFEFF',
  '🙂'.repeat(60),
  '%00%ff',
  '__proto__',
  'constructor',
  'NaN',
  '1e309',
  '-0',
] as const;

/** Strings: the list above, any UTF-16 code units (lone surrogates, controls), and long ones. */
export const hostileString = fc.oneof(
  fc.constantFrom(...INJECTION_STRINGS),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.integer({ min: 1000, max: 20_000 }).map((length) => 'x'.repeat(length)),
);

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype'),
  fc.string({ maxLength: 12 }),
);

/** Any JSON value, built from hostile strings, numbers at the edges, wrong types and polluting keys. */
export const hostileValue = fc.anything({
  key: hostileKey,
  values: [
    hostileString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e21),
    fc.boolean(),
    fc.constant(null),
  ],
  maxDepth: 4,
  maxKeys: 6,
});

/** JSON nested deeper than any schema goes, still under the body limit. */
export const deepJson = fc
  .integer({ min: 100, max: 20_000 })
  .map((depth) => `{"a":${'['.repeat(depth)}1${']'.repeat(depth)}}`);

/** A body that is not JSON, or not UTF-8, though it says it is. */
export const malformedBody = fc.oneof(
  fc.constantFrom('{', '{"a":1,}', "{'a':1}", 'undefined', '\u0000', '{"a":"\\ud800"}'),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
);

/** A valid body with one field made hostile, or a hostile field added (`__proto__`, an unknown key). */
export function mutatedBody(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc
    .tuple(fc.oneof(fc.constantFrom(...keys, '__proto__', 'unexpected'), hostileKey), hostileValue)
    .map(([key, value]) => JSON.parse(JSON.stringify({ ...valid, [key]: value })) as unknown);
}

/** A query string with hostile values (percent-encoded; a lone surrogate goes as bytes that are not UTF-8). */
export function hostileQuery(names: readonly string[]) {
  const encode = (value: string) => {
    try {
      return encodeURIComponent(value);
    } catch {
      return '%ED%A0%80';
    }
  };
  return fc
    .array(
      fc.tuple(fc.constantFrom(...names, '__proto__', 'page[]'), fc.oneof(hostileString, fc.constant(''))),
      { minLength: 1, maxLength: 6 },
    )
    .map((pairs) => pairs.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&'));
}

/** The route a declared schema belongs to, from the metadata Nest routes by. */
export function routeOfSchema(declared: DeclaredRequestSchema): RouteKey {
  if ('route' in declared) return declared.route as RouteKey;
  const handler = (declared.controller as Record<string | symbol, object>)[declared.handler]!;
  const paths = [
    Reflect.getMetadata(PATH_METADATA, declared.controller.constructor) as string,
    Reflect.getMetadata(PATH_METADATA, handler) as string,
  ];
  const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
  const path = paths
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `${method} /${path}`;
}
