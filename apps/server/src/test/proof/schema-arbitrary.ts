import fc from 'fast-check';
import type { JsonSchema } from './openapi.ts';

/** Values a hostile client sends in place of anything: wrong types, edge numbers, huge and odd strings, payloads. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    -2147483649,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    0.1,
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    "' OR 1=1 --",
    "'); DROP TABLE company; --",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '{{constructor.constructor("return process")()}}',
    '../../../../etc/passwd',
    '%00',
    '\uD800',
    '𝕮𝖑𝖎𝖊𝖓𝖙𝖊𝖑𝖆 👩‍👩‍👧 عربى 中文',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '1e3',
    'NaN',
    'Infinity',
    '9999-99-99',
    '2026-02-30',
    '-1',
    'eyJpZCI6IjEifQ',
    '__proto__',
    [],
    {},
    JSON.parse('{"__proto__":{"polluted":true}}'),
    { constructor: { prototype: { polluted: true } } },
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constant('x'.repeat(100_000)),
  fc.integer(),
  fc.double(),
  fc.uuid(),
  fc.array(fc.constant('x'), { maxLength: 3 }),
  fc.constant(nested(60)),
);

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const types = (schema: JsonSchema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

/** A value the schema accepts (or very nearly: zod refinements the document cannot state may still refuse it). */
export function validArbitrary(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return fc.oneof(...options.map((option) => validArbitrary(option, depth)));
  if (schema.allOf?.length) return validArbitrary(Object.assign({}, ...schema.allOf), depth);
  const [type] = types(schema);
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -(2 ** 31)), max: Math.min(schema.maximum ?? 100_000, 2 ** 31 - 1) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const item = schema.items ? validArbitrary(schema.items, depth + 1) : fc.string();
      const minLength = schema.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'object':
      return objectArbitrary(schema, depth, validArbitrary);
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 4 });
    case 'email':
      return fc.emailAddress();
    case 'date':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 10_000));
    } catch {
      // A pattern JavaScript cannot compile: fall through to plain text.
    }
  }
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 30, 30)) });
}

function objectArbitrary(
  schema: JsonSchema,
  depth: number,
  property: (schema: JsonSchema, depth: number) => fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  if (depth > 4) return fc.constant({});
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, child] of Object.entries(properties)) model[name] = property(child, depth + 1);
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
}

/**
 * A value shaped by the schema but spoiled here and there: any node may be replaced by a hostile
 * value, objects may carry extra keys, required keys may be missing.
 */
export function hostileArbitrary(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const shaped = ((): fc.Arbitrary<unknown> => {
    const options = schema.anyOf ?? schema.oneOf;
    if (options?.length) return fc.oneof(...options.map((option) => hostileArbitrary(option, depth)));
    const [type] = types(schema);
    if (type === 'object' && depth <= 4) {
      return fc
        .tuple(
          objectArbitrary({ ...schema, required: [] }, depth, hostileArbitrary),
          fc.dictionary(fc.constantFrom('extra', '__proto__', 'constructor', 'workspaceId', 'id', '$where'), hostileValue, { maxKeys: 2 }),
        )
        .map(([base, extra]) => ({ ...(base as object), ...extra }));
    }
    if (type === 'array' && schema.items && depth <= 4) return fc.array(hostileArbitrary(schema.items, depth + 1), { maxLength: 3 });
    return validArbitrary(schema, depth);
  })();
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
}
