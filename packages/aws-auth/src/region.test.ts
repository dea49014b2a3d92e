import { afterEach, describe, expect, it } from 'vitest';
import { errorOf } from './__testing__/assertions.js';
import { type TempAws, tempAws } from './__testing__/tempAws.js';
import { bedrockEndpoint, MANTLE_REGIONS } from './bedrock/bedrockEndpoint.js';
import { resolveRegion, resolveRegionWithSource } from './region.js';

let temp: TempAws | undefined;
afterEach(() => {
  temp?.cleanup();
  temp = undefined;
});

describe('resolveRegion', () => {
  it('takes explicit, then AWS_REGION, then AWS_DEFAULT_REGION, then the profile region', () => {
    temp = tempAws({ config: '[default]\nregion = ap-south-1\n[profile dev]\nregion = eu-west-2\n' });
    const env = { ...temp.env, AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'us-east-2' };
    expect(resolveRegion({ region: 'eu-north-1', env })).toBe('eu-north-1');
    expect(resolveRegionWithSource({ env })).toEqual({ region: 'us-west-2', source: 'AWS_REGION' });
    expect(resolveRegionWithSource({ env: { ...env, AWS_REGION: ' ' } })).toEqual({
      region: 'us-east-2',
      source: 'AWS_DEFAULT_REGION',
    });
    expect(resolveRegionWithSource({ env: temp.env })).toEqual({
      region: 'ap-south-1',
      source: 'profile "default"',
    });
    expect(resolveRegion({ env: { ...temp.env, AWS_PROFILE: 'dev' } })).toBe('eu-west-2');
    expect(resolveRegion({ env: temp.env, profile: 'dev' })).toBe('eu-west-2');
  });

  it('names every place it looked when no region is found', () => {
    temp = tempAws({ config: '[profile other]\nregion = us-east-1\n' });
    const error = errorOf(() => resolveRegion({ env: temp?.env ?? {} }));
    expect(error.code).toBe('REGION_MISSING');
    for (const part of ['region option', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'profile "default"']) {
      expect(error.message).toContain(part);
    }
  });

  it('validates the format and names the source, never echoing the value', () => {
    const error = errorOf(() => resolveRegion({ env: { AWS_REGION: 'US_EAST_1;drop' } }));
    expect(error.code).toBe('REGION_INVALID');
    expect(error.message).toContain('AWS_REGION');
    expect(error.message).not.toContain('drop');
    expect(errorOf(() => resolveRegion({ region: 'useast1' })).code).toBe('REGION_INVALID');
    expect(resolveRegion({ region: 'us-gov-west-1' })).toBe('us-gov-west-1');
  });
});

describe('bedrockEndpoint', () => {
  it('builds the Mantle and Runtime URLs and signing services', () => {
    expect(bedrockEndpoint({ region: 'us-east-1' })).toEqual({
      baseUrl: 'https://bedrock-mantle.us-east-1.api.aws/openai/v1',
      signingService: 'bedrock-mantle',
    });
    expect(bedrockEndpoint({ region: 'ca-central-1', endpoint: 'runtime' })).toEqual({
      baseUrl: 'https://bedrock-runtime.ca-central-1.amazonaws.com/openai/v1',
      signingService: 'bedrock',
    });
  });

  it('rejects Mantle outside its region list by name', () => {
    expect(MANTLE_REGIONS).toContain('eu-north-1');
    const error = errorOf(() => bedrockEndpoint({ region: 'ca-central-1', endpoint: 'mantle' }));
    expect(error.code).toBe('REGION_UNSUPPORTED');
    expect(error.message).toContain('"ca-central-1"');
    expect(errorOf(() => bedrockEndpoint({ region: 'x', endpoint: 'runtime' })).code).toBe('REGION_INVALID');
    expect(errorOf(() => bedrockEndpoint({ region: 'us-east-1', endpoint: 'other' as never })).code).toBe(
      'INVALID_OPTION',
    );
  });
});
