import fc from 'fast-check';
import type { Service } from './platform-under-test.js';
import {
  hostile,
  hostileText,
  kindOf,
  plausible,
  wrongType,
  type FieldKind,
  type Schema,
} from './hostile-values.js';
import { csvBody, encode, MALFORMED_JSON } from './raw-text.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One route of a service as its OpenAPI document describes it, `$ref`s resolved. */
export interface Operation {
  readonly service: Service;
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  /** The JSON body's schema, when the route takes one. */
  readonly jsonBody?: Schema;
  /** The header row a CSV upload route reads, when the route takes a CSV file. */
  readonly csvHeader?: string;
}

export type Caller = 'admin' | 'clinician' | 'anonymous' | 'forged';

export interface HostileRequest {
  readonly caller: Caller;
  readonly method: string;
  /** Path and query, encoded. */
  readonly url: string;
  readonly contentType?: string;
  readonly body?: string;
}

/**
 * Real ids by the collection they belong to (`bodies`, `meetings`, ...), so a path or body field
 * sometimes names a record that exists and the request goes past the lookup into the write.
 */
export type IdPool = Readonly<Record<string, readonly string[]>>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Every operation of a document. Routes reading a raw body (CSV uploads) are not described as
 * taking one there, so `csvRoutes` names them with the header row their files start with.
 */
export function operationsOf(
  service: Service,
  document: OpenApiDocument,
  csvRoutes: Readonly<Record<string, string>> = {},
): Operation[] {
  const resolve = (schema: Schema | undefined, depth = 0): Schema => {
    if (!schema || depth > 6) {
      return {};
    }
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop() ?? '';
      return resolve(document.components?.schemas?.[name], depth + 1);
    }
    if (schema.allOf?.length === 1) {
      return { ...resolve(schema.allOf[0], depth + 1), nullable: schema.nullable ?? false };
    }
    return {
      ...schema,
      ...(schema.items && { items: resolve(schema.items, depth + 1) }),
      ...(schema.properties && {
        properties: Object.fromEntries(
          Object.entries(schema.properties).map(([key, value]) => [key, resolve(value, depth + 1)]),
        ),
      }),
    };
  };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method] ?? {};
      const json = operation.requestBody?.content['application/json']?.schema;
      const csvHeader = csvRoutes[`${method.toUpperCase()} ${path}`];
      return {
        service,
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters ?? []).map((parameter) => ({
          ...parameter,
          schema: resolve(parameter.schema),
        })),
        ...(json && { jsonBody: resolve(json) }),
        ...(csvHeader !== undefined && { csvHeader }),
      };
    }),
  );
}

/** Which collection an id field or parameter points into, by its name or the path before it. */
function collectionOf(name: string, path: string): string {
  const named: Record<string, string> = {
    bodyId: 'bodies',
    parentBodyId: 'bodies',
    memberId: 'members',
    ownerMemberId: 'members',
    allianceId: 'alliances',
    atMeetingId: 'meetings',
    agendaItemId: 'agenda-items',
    odsCode: 'organisations',
    orgCode: 'organisations',
  };
  if (named[name]) {
    return named[name];
  }
  const segments = path.split('/');
  const at = segments.indexOf(`{${name}}`);
  return at > 0 ? (segments[at - 1] ?? name) : name;
}

function fieldValue(
  name: string,
  schema: Schema,
  pool: IdPool,
  path: string,
  kind: FieldKind = kindOf(name, schema),
): fc.Arbitrary<unknown> {
  const known = pool[collectionOf(name, path)] ?? [];
  return kind === 'uuid' || known.length === 0
    ? plausible(kind, schema, known)
    : fc.oneof(fc.constantFrom(...known), plausible(kind, schema, known));
}

/** A body a well-meaning client would send: required fields, and some optional ones. */
function plausibleValue(
  schema: Schema,
  name: string,
  pool: IdPool,
  path: string,
  depth: number,
): fc.Arbitrary<unknown> {
  const kind = kindOf(name, schema);
  if (kind === 'object' && depth < 4) {
    return plausibleObject(schema, pool, path, depth + 1);
  }
  if (kind === 'array') {
    const item = schema.items ?? { type: 'string' };
    return fc.array(plausibleValue(item, name.replace(/s$/, ''), pool, path, depth + 1), {
      minLength: 1,
      maxLength: 3,
    });
  }
  return kind === 'object' ? fc.constant({}) : fieldValue(name, schema, pool, path, kind);
}

function plausibleObject(
  schema: Schema,
  pool: IdPool,
  path: string,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  return fc
    .tuple(
      ...properties.map(([name, property]) =>
        fc.option(plausibleValue(property, name, pool, path, depth), {
          freq: required.has(name) ? 1_000_000 : 2,
          nil: undefined,
        }),
      ),
    )
    .map((values) =>
      Object.fromEntries(
        properties.flatMap(([name], index) =>
          values[index] === undefined ? [] : [[name, values[index]]],
        ),
      ),
    );
}

interface FieldPath {
  readonly path: (string | number)[];
  readonly kind: FieldKind;
}

/** Every field of a body, nested ones included (an array's by its first item). */
function fieldPaths(schema: Schema, prefix: (string | number)[] = [], depth = 0): FieldPath[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const here = [...prefix, name];
    const kind = kindOf(name, property);
    const own: FieldPath = { path: here, kind };
    if (depth > 3) {
      return [own];
    }
    if (kind === 'object') {
      return [own, ...fieldPaths(property, here, depth + 1)];
    }
    if (kind === 'array' && property.items) {
      const items = property.items;
      const itemKind = kindOf(name.replace(/s$/, ''), items);
      return [
        own,
        { path: [...here, 0], kind: itemKind },
        ...(items.properties ? fieldPaths(items, [...here, 0], depth + 1) : []),
      ];
    }
    return [own];
  });
}

function setAt(target: unknown, path: (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) {
    return value;
  }
  const container = (
    typeof head === 'number'
      ? Array.isArray(target)
        ? [...(target as unknown[])]
        : []
      : typeof target === 'object' && target !== null && !Array.isArray(target)
        ? { ...(target as Record<string, unknown>) }
        : {}
  ) as Record<string | number, unknown>;
  container[head] = setAt(container[head], rest, value);
  return container;
}

const UNKNOWN_KEYS = fc.oneof(
  fc.constantFrom('unknown', 'id', 'createdAt', 'isAdmin', 'constructor', 'a\u0000b', ''),
  hostileText,
);

/**
 * A JSON body: a plausible one with one or several fields made hostile, a required one missing,
 * an unknown one added, or no object at all.
 */
function jsonBody(schema: Schema, pool: IdPool, path: string): fc.Arbitrary<string> {
  const fields = fieldPaths(schema);
  const base = plausibleObject(schema, pool, path);
  const replaceOne = (body: Record<string, unknown>) =>
    fields.length === 0
      ? fc.constant(body)
      : fc
          .constantFrom(...fields)
          .chain((field) =>
            fc
              .oneof({ weight: 4, arbitrary: hostile(field.kind) }, wrongType)
              .map((value) => setAt(body, field.path, value)),
          );
  const required = schema.required ?? [];
  const mutations: fc.Arbitrary<unknown> = base.chain((body) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(body) },
      { weight: 8, arbitrary: replaceOne(body) },
      { weight: 2, arbitrary: replaceOne(body).chain((once) => replaceOne(once as typeof body)) },
      {
        weight: 1,
        arbitrary:
          required.length === 0
            ? fc.constant(body)
            : fc.constantFrom(...required).map((name) => {
                const { [name]: _dropped, ...rest } = body;
                return rest;
              }),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(UNKNOWN_KEYS, fc.oneof(hostileText, wrongType))
          .map(([key, value]) => ({ ...body, [key]: value })),
      },
      { weight: 1, arbitrary: wrongType },
    ),
  );
  return fc.oneof(
    { weight: 14, arbitrary: mutations.map((body) => JSON.stringify(body) ?? 'null') },
    { weight: 1, arbitrary: MALFORMED_JSON },
  );
}

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));

function parameterValue(parameter: Parameter, pool: IdPool, path: string): fc.Arbitrary<string> {
  const schema = parameter.schema ?? {};
  const kind = kindOf(parameter.name, schema);
  return fc
    .oneof(
      { weight: 4, arbitrary: fieldValue(parameter.name, schema, pool, path, kind) },
      { weight: 3, arbitrary: hostile(kind) },
      { weight: 1, arbitrary: wrongType },
    )
    .map(textOf);
}

function queryString(operation: Operation, pool: IdPool): fc.Arbitrary<string> {
  const query = operation.parameters.filter((parameter) => parameter.in === 'query');
  const pair = (name: string, value: string) => `${encode(name)}=${encode(value)}`;
  return fc
    .tuple(
      ...query.map((parameter) =>
        fc.option(
          fc.oneof(
            {
              weight: 6,
              arbitrary: parameterValue(parameter, pool, operation.path).map((v) => [
                pair(parameter.name, v),
              ]),
            },
            // The same parameter twice, or in the bracket notation some parsers read as an object.
            parameterValue(parameter, pool, operation.path).map((v) => [
              pair(parameter.name, v),
              pair(parameter.name, v),
            ]),
            fc.constant([`${encodeURIComponent(parameter.name)}[a]=1`]),
          ),
          { freq: parameter.required ? 1_000_000 : 2, nil: undefined },
        ),
      ),
      fc.oneof(
        { weight: 9, arbitrary: fc.constant(undefined) },
        fc.tuple(UNKNOWN_KEYS, hostileText),
      ),
    )
    .map(([...parts]) => {
      const unknown = parts.pop() as [string, string] | undefined;
      const pairs = (parts as (string[] | undefined)[]).flatMap((part) => part ?? []);
      if (unknown) {
        pairs.push(pair(...unknown));
      }
      return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
    });
}

function pathOf(operation: Operation, pool: IdPool, hostileValues = true): fc.Arbitrary<string> {
  const names = operation.parameters.filter((parameter) => parameter.in === 'path');
  const value = (parameter: Parameter) =>
    hostileValues
      ? parameterValue(parameter, pool, operation.path)
      : fieldValue(parameter.name, parameter.schema ?? {}, pool, operation.path).map(textOf);
  return fc
    .tuple(...names.map(value))
    .map((values) =>
      names.reduce(
        (path, parameter, index) =>
          path.replace(`{${parameter.name}}`, encode(values[index] ?? '')),
        operation.path,
      ),
    );
}

const CALLER: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 15, arbitrary: fc.constant('admin' as const) },
  { weight: 4, arbitrary: fc.constant('clinician' as const) },
  { weight: 1, arbitrary: fc.constantFrom('anonymous' as const, 'forged' as const) },
);

/** Requests for one operation, from its document: each parameter and field plausible or hostile. */
export function hostileRequests(operation: Operation, pool: IdPool): fc.Arbitrary<HostileRequest> {
  const { method } = operation;
  const body: fc.Arbitrary<{ contentType?: string; body?: string }> =
    operation.csvHeader !== undefined
      ? fc
          .tuple(
            csvBody(operation.csvHeader),
            fc.oneof(
              { weight: 8, arbitrary: fc.constant('text/csv') },
              fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x'),
            ),
          )
          .map(([text, contentType]) => ({ contentType, body: text }))
      : operation.jsonBody
        ? jsonBody(operation.jsonBody, pool, operation.path).map((text) => ({
            contentType: 'application/json',
            body: text,
          }))
        : method === 'GET'
          ? fc.constant({})
          : fc.oneof(
              { weight: 4, arbitrary: fc.constant({}) },
              fc.tuple(UNKNOWN_KEYS, hostileText).map(([key, value]) => ({
                contentType: 'application/json',
                body: JSON.stringify({ [key]: value }),
              })),
            );
  return fc
    .tuple(CALLER, pathOf(operation, pool), queryString(operation, pool), body)
    .map(([caller, path, query, payload]) => ({
      caller,
      method,
      url: `${path}${query}`,
      ...payload,
    }));
}

/**
 * One request for each field of an operation's JSON body (nested ones included): a plausible
 * body, on a plausible path, with that one field hostile. Random sampling may miss a field; this
 * reaches each one in every run.
 */
export function everyFieldOnce(operation: Operation, pool: IdPool): fc.Arbitrary<HostileRequest>[] {
  const schema = operation.jsonBody;
  if (!schema) {
    return [];
  }
  return fieldPaths(schema).map((field) =>
    fc
      .tuple(
        pathOf(operation, pool, false),
        plausibleObject(schema, pool, operation.path),
        fc.oneof({ weight: 3, arbitrary: hostile(field.kind) }, wrongType),
      )
      .map(([path, body, value]) => ({
        caller: 'admin' as const,
        method: operation.method,
        url: path,
        contentType: 'application/json',
        body: JSON.stringify(setAt(body, field.path, value)),
      })),
  );
}
