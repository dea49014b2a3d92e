// The README example of @x/config-schema, run against the package as npm installed it: one
// definition validates a provider table (trimmed name, http(s) URL, a refinement with its own code,
// unknown keys refused) and generates its JSON Schema.
import { number, optional, refine, strictObject, string, toJsonSchema, url } from '@x/config-schema';

const provider = strictObject(
  {
    name: string({ trim: true, minLength: 1, description: 'Display name.' }),
    base_url: optional(url({ protocols: ['http', 'https'] })),
    request_max_retries: optional(number({ integer: true, minimum: 0 })),
    env_key: optional(
      refine(string(), (name) =>
        name.includes('=')
          ? { code: 'BAD_ENV_KEY', message: 'must name an environment variable' }
          : undefined,
      ),
    ),
  },
  { description: 'A model provider.' },
);

const good = provider.safeParse({ name: ' Corp ', base_url: 'https://llm.example/v1' });
const bad = provider.safeParse({ name: 'Corp', retries: 3, env_key: 'A=B' });
const jsonSchema = toJsonSchema(provider);
console.log(
  JSON.stringify({
    data: good.success ? good.data : null,
    issues: bad.success ? [] : bad.error.issues.map((issue) => [issue.path.join('.'), issue.code]),
    schema: [jsonSchema.$schema, jsonSchema.required, jsonSchema.additionalProperties],
  }),
);
