import { z } from 'zod';

/**
 * The keys that choose the provider, the model and how credentials are kept and restricted. They may
 * be set at the top level of `config.toml` and in a profile; the active profile's values win.
 */
export const selectionShape = {
  model_provider: z.string().min(1).optional().describe('Id of the provider to use by default.'),
  model: z.string().min(1).optional().describe('Model to use by default.'),
  cli_auth_credentials_store: z
    .enum(['file', 'keyring', 'auto', 'ephemeral'])
    .optional()
    .describe('Where credentials are kept: auth.json, the OS keyring, either, or memory. Default file.'),
  forced_login_method: z.enum(['chatgpt', 'api']).optional(),
  forced_chatgpt_workspace_id: z.string().min(1).optional(),
};

export const SELECTION_KEYS = Object.keys(selectionShape) as readonly (keyof typeof selectionShape)[];

/** One `[profiles.<name>]` table: the selection keys are checked; Codex's other keys are ignored. */
export const profileSchema = z
  .looseObject(selectionShape)
  .describe('A named set of settings applied over the top level when it is the active profile.');

export type Selection = z.infer<z.ZodObject<typeof selectionShape>>;
