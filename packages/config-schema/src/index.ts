export { array } from './array.js';
export { boolean } from './boolean.js';
export { enumOf, literal } from './enumOf.js';
export type { NumberOptions } from './number.js';
export { number } from './number.js';
export type { ObjectType, Shape } from './object.js';
export { looseObject, object, pick, strictObject } from './object.js';
export { nullish, optional } from './optional.js';
export type { RecordOptions } from './record.js';
export { record } from './record.js';
export type { Problem } from './refine.js';
export { refine } from './refine.js';
export type {
  Infer,
  SafeParseResult,
  Schema,
  SchemaDef,
  SchemaIssue,
  SchemaMeta,
  SchemaPath,
} from './schema.js';
export type { StringOptions } from './string.js';
export { string } from './string.js';
export type { Json, JsonObject } from './toJsonSchema.js';
export { toJsonSchema } from './toJsonSchema.js';
export { union, xor } from './union.js';
export type { UrlOptions } from './url.js';
export { url } from './url.js';
