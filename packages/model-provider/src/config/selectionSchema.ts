import { enumOf, type Infer, looseObject, object, optional, string } from '@x/config-schema';

const nonEmpty = string({ minLength: 1 });

/**
 * The top-level keys that choose the provider, the model and how credentials are kept and
 * restricted. A profile may set the first two (`PROFILE_KEYS`); as in Codex, the credential keys are
 * read at the top level only, so a home's login is found where Codex finds it whichever profile runs.
 */
export const selectionShape = {
  model_provider: optional(nonEmpty, { description: 'Id of the provider to use by default.' }),
  model: optional(nonEmpty, { description: 'Model to use by default.' }),
  cli_auth_credentials_store: optional(enumOf(['file', 'keyring', 'auto', 'ephemeral']), {
    description: 'Where credentials are kept: auth.json, the OS keyring, either, or memory. Default file.',
  }),
  forced_login_method: optional(enumOf(['chatgpt', 'api'])),
  forced_chatgpt_workspace_id: optional(nonEmpty),
};

export const SELECTION_KEYS = Object.keys(selectionShape) as readonly (keyof typeof selectionShape)[];

/** The keys of a profile that override the top level. */
export const PROFILE_KEYS = ['model_provider', 'model'] as const;

/** One `[profiles.<name>]` table: `model_provider` and `model` are checked; Codex's other keys are ignored. */
export const profileSchema = looseObject(
  { model_provider: selectionShape.model_provider, model: selectionShape.model },
  { description: 'A named set of settings applied over the top level when it is the active profile.' },
);

const selectionSchema = object(selectionShape);
export type Selection = Infer<typeof selectionSchema>;
