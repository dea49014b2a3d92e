import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
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
    expectTypeOf<z.infer<typeof providerInfoSchema>>().toEqualTypeOf<ModelProviderInfo>();
    expectTypeOf<z.infer<typeof providerAuthSchema>>().toEqualTypeOf<ProviderAuthConfig>();
    expectTypeOf<z.infer<typeof providerAwsSchema>>().toEqualTypeOf<ProviderAwsConfig>();
    expectTypeOf<z.infer<typeof builtInOverrideSchema>>().toEqualTypeOf<BuiltInOverride>();
  });
});
