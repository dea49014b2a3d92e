import { z } from 'zod';

/**
 * The top-level keys that choose the provider, the model and how credentials are kept and
 * restricted. A profile may set the first two (`PROFILE_KEYS`); as in Codex, the credential keys are
 * read at the top level only, so a home's login is found where Codex finds it whichever profile runs.
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

/** The keys of a profile that override the top level. */
export const PROFILE_KEYS = ['model_provider', 'model'] as const;

/** One `[profiles.<name>]` table: `model_provider` and `model` are checked; Codex's other keys are ignored. */
export const profileSchema = z
  .looseObject({ model_provider: selectionShape.model_provider, model: selectionShape.model })
  .describe('A named set of settings applied over the top level when it is the active profile.');

export type Selection = z.infer<z.ZodObject<typeof selectionShape>>;
