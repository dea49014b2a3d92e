import type { Schema } from '@x/config-schema';
import { type Json, toJsonSchema } from '@x/config-schema';
import { AgentIdentitySchema, AuthDotJsonSchema } from './authDotJson.js';
import { AccountUpdatedNotificationSchema, AuthModeSchema, PlanTypeSchema } from './authMode.js';

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key] as Json);
  return out;
}

function draft7(schema: Schema<unknown>, title: string): Record<string, unknown> {
  return sortKeys({ ...toJsonSchema(schema), title }) as Record<string, unknown>;
}

/**
 * JSON Schemas (draft-07) generated from the schemas the code validates with, keyed by file name.
 * `pnpm run schema:write` writes them to `schema/`; a test fails when the checked-in copies drift.
 * @public
 */
export function generateAuthJsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    'AuthMode.json': draft7(AuthModeSchema, 'AuthMode'),
    'PlanType.json': draft7(PlanTypeSchema, 'PlanType'),
    'AccountUpdatedNotification.json': draft7(AccountUpdatedNotificationSchema, 'AccountUpdatedNotification'),
    'AgentIdentity.json': draft7(AgentIdentitySchema, 'AgentIdentity'),
    'AuthDotJson.json': draft7(AuthDotJsonSchema, 'AuthDotJson'),
  };
}
