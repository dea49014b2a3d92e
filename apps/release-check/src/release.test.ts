import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPackages, versionPackages } from './__testing__/changesetsRelease.js';
import { copyWorkspace } from './__testing__/copyWorkspace.js';
import { exampleFor, installAlone } from './__testing__/installAlone.js';
import { installedManifests } from './__testing__/installedManifests.js';
import { type IsolatedNpmEnv, isolatedNpmEnv } from './__testing__/isolatedNpmEnv.js';
import { type LocalRegistry, startLocalRegistry } from './__testing__/localRegistry.js';
import { mirrorThirdParty } from './__testing__/mirrorThirdParty.js';
import { type ProviderServer, startProviderServer } from './__testing__/providerServer.js';
import { runChecked } from './__testing__/runCommand.js';
import { thirdPartyClosure } from './__testing__/thirdPartyClosure.js';
import { packagesUnder, publishablePackages, REPO_ROOT, readManifest } from './__testing__/workspace.js';

// The whole release, end to end and offline: the changesets flow on a copy of the workspace, publishing
// to a registry on 127.0.0.1, then what a user does, `npm install <one package>` in an empty project
// and the package's README example. Every step runs real programs (changeset, pnpm, npm, node); the
// time limits are generous because they only catch hangs on a loaded machine.
const SUMMARY = 'Release round trip checked by apps/release-check.';
const packages = publishablePackages();
/** Whether release version `a` (x.y.z) comes after `b`. */
const isAbove = (a: string, b: string): boolean => {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/, 3).map(Number)) as [number[], number[]];
  const index = x.findIndex((part, i) => part !== y[i]);
  return index !== -1 && (x[index] as number) > (y[index] as number);
};
const workspaceState = (): string[] => [
  ...readdirSync(join(REPO_ROOT, '.changeset')).sort(),
  ...packages.flatMap((pkg) => [
    readFileSync(join(pkg.dir, 'package.json'), 'utf8'),
    `CHANGELOG.md: ${existsSync(join(pkg.dir, 'CHANGELOG.md'))}`,
  ]),
];
const workspaceBefore = workspaceState();
const userNpmrc = join(homedir(), '.npmrc');
const userNpmrcBefore = existsSync(userNpmrc) ? readFileSync(userNpmrc, 'utf8') : undefined;

let work: string;
let registry: LocalRegistry;
let npm: IsolatedNpmEnv;
let provider: ProviderServer;
let copy: string;
const released = new Map<string, string>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'x-release-check-'));
  registry = await startLocalRegistry(join(work, 'registry'));
  const token = await registry.addUser('release-check');
  npm = isolatedNpmEnv(join(work, 'npm'), registry.url, token);
  provider = await startProviderServer();

  copy = join(work, 'workspace');
  copyWorkspace(copy);
  await versionPackages(copy, npm.env, SUMMARY);
  for (const pkg of publishablePackages(copy)) released.set(pkg.manifest.name, pkg.manifest.version);

  const ownNames = new Set(released.keys());
  await mirrorThirdParty(
    thirdPartyClosure(
      packages.map((pkg) => pkg.dir),
      ownNames,
    ),
    { workDir: join(work, 'mirror'), registry: registry.url, token, env: npm.env },
  );
  await publishPackages(copy, npm.env);
}, 1_200_000);

afterAll(async () => {
  await provider?.close();
  await registry?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('versioning with changesets (on a copy of the workspace)', () => {
  it('bumps every publishable package above its workspace version and writes its CHANGELOG.md', () => {
    expect([...released.keys()]).toEqual(packages.map((pkg) => pkg.manifest.name));
    for (const pkg of packages) {
      const version = released.get(pkg.manifest.name) as string;
      expect(version, pkg.manifest.name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(isAbove(version, pkg.manifest.version), `${pkg.manifest.name} ${version}`).toBe(true);
      const changelog = readFileSync(join(copy, 'packages', pkg.folder, 'CHANGELOG.md'), 'utf8');
      expect(changelog, pkg.manifest.name).toContain(`## ${version}`);
      expect(changelog, pkg.manifest.name).toContain(SUMMARY);
    }
  });

  it('leaves the real workspace untouched', () => {
    expect(workspaceState()).toEqual(workspaceBefore);
  });
});

describe('publishing to the local registry', () => {
  it.each(packages.map((pkg) => pkg.manifest.name))('%s is published at its new version', async (name) => {
    const response = await fetch(`${registry.url}/${name.replace('/', '%2f')}`);
    expect(response.status).toBe(200);
    const packument = (await response.json()) as {
      'dist-tags': Record<string, string>;
      versions: Record<string, Record<string, unknown>>;
    };
    const version = released.get(name) as string;
    expect(packument['dist-tags'].latest).toBe(version);
    expect(JSON.stringify(packument.versions[version])).not.toContain('workspace:');
  });

  it('never touched the npm setup of the user running the test', async () => {
    expect(existsSync(userNpmrc) ? readFileSync(userNpmrc, 'utf8') : undefined).toBe(userNpmrcBefore);
    const { stdout } = await runChecked('npm', ['config', 'get', 'cache', 'userconfig'], {
      cwd: work,
      env: npm.env,
      hangLimitMs: 120_000,
    });
    expect(stdout).toContain(`cache=${npm.cache}\n`);
    expect(stdout).toContain(`userconfig=${npm.userconfig}\n`);
  });
});

const checks: Record<string, (output: Record<string, unknown>, project: string) => void> = {
  'auth-seam': (output) => {
    expect(output).toEqual({ bearer: 'tok-seam', refusesNewline: true, recovers401: true });
  },
  'aws-auth': (output) => {
    expect(output.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20250102\/us-east-1\/bedrock-mantle\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(output).toMatchObject({ amzDate: '20250102T030405Z', deterministic: true, bodyUnchanged: true });
  },
  'config-schema': (output) => {
    expect(output).toEqual({
      data: { name: 'Corp', base_url: 'https://llm.example/v1' },
      issues: [
        ['env_key', 'BAD_ENV_KEY'],
        ['retries', 'unknown_key'],
      ],
      schema: ['http://json-schema.org/draft-07/schema#', ['name'], false],
    });
  },
  'external-bearer': (output) => {
    expect(output).toEqual({ tokens: ['tok', 'tok', 'tok'], refreshed: 'tok' });
  },
  'auth-store': (output, project) => {
    expect(output).toMatchObject({ mode: 'apikey', loggedIn: true });
    expect(output.maskedKey).not.toContain('release-check');
    expect(JSON.parse(readFileSync(join(project, 'home', 'auth.json'), 'utf8'))).toMatchObject({
      OPENAI_API_KEY: 'sk-proj-release-check-abcde',
    });
  },
  'model-provider': (output) => {
    expect(output).toEqual({
      status: 200,
      body: { id: 'resp_release_check', received: 'Bearer tok-provider' },
    });
    expect(provider.seen).toHaveLength(1);
    expect(provider.seen[0]).toMatchObject({
      method: 'POST',
      path: '/v1/responses',
      authorization: 'Bearer tok-provider',
    });
    expect(JSON.parse(provider.seen[0]?.body ?? '')).toEqual({ model: 'm', input: 'Hello' });
  },
};

const privateNames = packagesUnder()
  .filter((pkg) => pkg.manifest.private)
  .map((pkg) => pkg.manifest.name);

describe('a user installs one package with npm', () => {
  it('has a README example for every publishable package', () => {
    for (const pkg of packages) {
      expect(exampleFor(pkg.folder), pkg.folder).toBeDefined();
      expect(checks[pkg.folder], pkg.folder).toBeDefined();
    }
  });

  it.each(packages.map((pkg) => [pkg.manifest.name, pkg.folder] as const))(
    '%s installs alone from the registry and its README example runs',
    async (name, folder) => {
      const project = join(work, 'users', folder);
      await installAlone(name, {
        dir: project,
        registry: registry.url,
        env: npm.env,
        example: `${folder}.mjs`,
      });

      const installedDir = join(project, 'node_modules', name);
      const installed = readManifest(installedDir);
      expect(installed.version).toBe(released.get(name));
      for (const file of ['LICENSE', 'CHANGELOG.md', 'README.md']) {
        expect(existsSync(join(installedDir, file)), `${name} ships ${file}`).toBe(true);
      }
      expect(readFileSync(join(installedDir, 'LICENSE'), 'utf8')).toContain('Apache License');

      // Every @x package npm put in the project is the one just released, required with a plain range.
      for (const { path, manifest } of installedManifests(project)) {
        expect(JSON.stringify(manifest), path).not.toContain('workspace:');
        // Nor does a published manifest name a package that is never published (the test helpers).
        for (const hidden of privateNames)
          expect(JSON.stringify(manifest), path).not.toContain(`"${hidden}"`);
        if (released.has(manifest.name)) expect(manifest.version, path).toBe(released.get(manifest.name));
        for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
          const version = released.get(dep);
          if (version !== undefined)
            expect(range, `${path}: ${dep}`).toMatch(new RegExp(`^[~^]?${version.replaceAll('.', '\\.')}$`));
        }
      }

      const { stdout } = await runChecked(process.execPath, ['example.mjs'], {
        cwd: project,
        env: { ...npm.env, EXAMPLE_HOME: join(project, 'home'), PROVIDER_URL: provider.baseUrl },
        hangLimitMs: 180_000,
      });
      const check = checks[folder];
      if (check === undefined) throw new Error(`no check for the ${folder} example`);
      check(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>, project);
    },
    900_000,
  );
});
