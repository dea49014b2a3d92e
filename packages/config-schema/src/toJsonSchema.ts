import type { Schema } from './schema.js';

/**
 * A JSON value.
 * @public
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A JSON object, such as a JSON Schema.
 * @public
 */
export type JsonObject = { [key: string]: Json };

function body(schema: Schema<unknown>, definitions: JsonObject): JsonObject {
  const def = schema.def;
  let out: JsonObject;
  switch (def.kind) {
    case 'string':
      out = { type: 'string' };
      if (def.minLength !== undefined) out.minLength = def.minLength;
      if (def.pattern !== undefined) out.pattern = def.pattern;
      if (def.format !== undefined) out.format = def.format;
      break;
    case 'number':
      out = { type: def.integer ? 'integer' : 'number' };
      if (def.exclusiveMinimum !== undefined) out.exclusiveMinimum = def.exclusiveMinimum;
      if (def.minimum !== undefined) out.minimum = def.minimum;
      if (def.maximum !== undefined) out.maximum = def.maximum;
      break;
    case 'boolean':
      out = { type: 'boolean' };
      break;
    case 'enum':
      out = { type: 'string', enum: [...def.values] };
      break;
    case 'literal':
      out = { type: typeof def.value, const: def.value };
      break;
    case 'optional':
      // Optional is the object's business (no `required`); the field's words go over the inner ones.
      out = { ...render(def.inner, definitions) };
      break;
    case 'nullish': {
      const inner = render(def.inner, definitions);
      const keys = Object.keys(inner);
      // A plain `{type}` takes null into its type list; anything else becomes an anyOf.
      out =
        keys.length === 1 && typeof inner.type === 'string'
          ? { type: [inner.type, 'null'] }
          : { anyOf: [inner, { type: 'null' }] };
      break;
    }
    case 'union':
      out = { [def.exclusive ? 'oneOf' : 'anyOf']: def.options.map((option) => render(option, definitions)) };
      break;
    case 'array':
      out = { type: 'array', items: render(def.items, definitions) };
      break;
    case 'record':
      out = {
        type: 'object',
        propertyNames: render(def.keys, definitions),
        additionalProperties: render(def.values, definitions),
      };
      break;
    case 'object': {
      const properties: JsonObject = {};
      const required: string[] = [];
      for (const [key, value] of Object.entries(def.shape)) {
        properties[key] = render(value, definitions);
        if (value.def.kind !== 'nullish' && value.def.kind !== 'optional') required.push(key);
      }
      out = { type: 'object', properties };
      if (required.length > 0) out.required = required;
      if (def.unknownKeys === 'keep') out.additionalProperties = {};
      if (def.unknownKeys === 'reject') out.additionalProperties = false;
      break;
    }
  }
  if (schema.meta.description !== undefined) out.description = schema.meta.description;
  if (schema.meta.title !== undefined) out.title = schema.meta.title;
  return out;
}

function render(schema: Schema<unknown>, definitions: JsonObject): JsonObject {
  const id = schema.meta.id;
  if (id === undefined) return body(schema, definitions);
  if (!(id in definitions)) {
    definitions[id] = {}; // reserved first, so a schema that refers to itself terminates
    definitions[id] = body(schema, definitions);
  }
  return { $ref: `#/definitions/${id}` };
}

/**
 * The draft-07 JSON Schema of `schema`: every schema with an `id` becomes a definition referred to
 * by `$ref` (the root too, when it has one).
 * @public
 */
export function toJsonSchema(schema: Schema<unknown>): JsonObject {
  const definitions: JsonObject = {};
  const root = render(schema, definitions);
  const out: JsonObject = { $schema: 'http://json-schema.org/draft-07/schema#', ...root };
  if (Object.keys(definitions).length > 0) out.definitions = definitions;
  return out;
}
