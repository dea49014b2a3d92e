import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.shared.js';

export default defineConfig({
  ...packageBuild(['src/index.ts', 'src/endpoints.ts', 'src/credentials/browserDefaultProvider.ts']),
  // Resolved when the package is loaded (package.json `imports`): the AWS SDK in Node, a stand-in
  // in browser bundles. Bundling it here would fix one choice for everyone.
  external: ['#credential-provider-node'],
});
