import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/endpoints.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  dts: true,
  sourcemap: false,
  clean: true,
  fixedExtension: false,
});
