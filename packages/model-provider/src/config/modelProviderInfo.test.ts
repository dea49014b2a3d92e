import type { Infer } from '@x/config-schema';
import { describe, expectTypeOf, it } from 'vitest';
import type { builtInOverrideSchema } from './builtInOverrideSchema.js';
import type {
  BuiltInOverride,
  ModelProviderInfo,
  ProviderAuthConfig,
  ProviderAwsConfig,
} from './modelProviderInfo.js';
import type { providerAuthSchema, providerAwsSchema, providerInfoSchema } from './providerInfoSchema.js';

describe('the published config types', () => {
  it('are exactly what the schemas validate (checked by the type checker)', () => {
    expectTypeOf<Infer<typeof providerInfoSchema>>().toEqualTypeOf<ModelProviderInfo>();
    expectTypeOf<Infer<typeof providerAuthSchema>>().toEqualTypeOf<ProviderAuthConfig>();
    expectTypeOf<Infer<typeof providerAwsSchema>>().toEqualTypeOf<ProviderAwsConfig>();
    expectTypeOf<Infer<typeof builtInOverrideSchema>>().toEqualTypeOf<BuiltInOverride>();
  });
});
