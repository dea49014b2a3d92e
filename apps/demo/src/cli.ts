#!/usr/bin/env node
import { readPackageVersions } from './packageVersions.js';

const versions = await readPackageVersions();
console.log('xdemo: composing the @x packages');
for (const { name, version } of versions) console.log(`  ${name.padEnd(20)} ${version}`);
