import type { FastifyInstance } from 'fastify';

/** A JSON schema as the OpenAPI document states it (zod's output, inline). */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

/** One parameter of an operation: where it goes, its name and schema. */
export type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema: JsonSchema };

/** One operation of the OpenAPI document, as the proofs walk it. */
export type Operation = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path as the document writes it, `/api/v1/deals/{id}`. */
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: JsonSchema;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation the app documents, read from its own OpenAPI document (so a new route is walked without listing it). */
export async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
  await app.ready();
  const document = (app as unknown as { swagger: () => { paths: Record<string, Record<string, unknown>> } }).swagger();
  const operations: Operation[] = [];
  for (const [path, entries] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = entries[method] as
        | { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
        | undefined;
      if (!operation) continue;
      const body = operation.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters: operation.parameters ?? [],
        ...(body ? { body } : {}),
      });
    }
  }
  return operations;
}

/** Percent-encodes a path segment; a lone surrogate (which cannot be encoded) becomes U+FFFD. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
  }
}

/** Fills the `{name}` placeholders of a documented path. */
export function fillPath(path: string, values: (name: string, segmentBefore: string) => string): string {
  return path
    .replace(/\/([^/{}]*)\/\{([^}]+)\}/g, (_match, before: string, name: string) => `/${before}/${encodeSegment(values(name, before))}`)
    .replace(/\{([^}]+)\}/g, (_match, name: string) => encodeSegment(values(name, '')));
}

/** Builds a query string from name/value pairs (arrays repeat the name). */
export function queryString(values: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      search.append(name, typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
