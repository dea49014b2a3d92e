import { readFileSync } from 'node:fs';
import type { PackageManifest } from './workspace.js';

export interface PackedTarball {
  manifest: PackageManifest;
  file: string;
  integrity: string;
  shasum: string;
}

/**
 * Publishes one packed tarball to `registry` with the request `npm publish` sends: the manifest as
 * the only version, with its dist fields, and the tarball as a base64 attachment.
 */
export async function publishTarball(registry: string, token: string, packed: PackedTarball): Promise<void> {
  const { manifest } = packed;
  const data = readFileSync(packed.file);
  const tarballName = `${manifest.name}-${manifest.version}.tgz`;
  const unscoped = manifest.name.replace(/^@[^/]+\//, '');
  const version = {
    ...manifest,
    _id: `${manifest.name}@${manifest.version}`,
    dist: {
      integrity: packed.integrity,
      shasum: packed.shasum,
      tarball: `${registry}/${manifest.name}/-/${unscoped}-${manifest.version}.tgz`,
    },
  };
  const body = {
    _id: manifest.name,
    name: manifest.name,
    'dist-tags': { latest: manifest.version },
    versions: { [manifest.version]: version },
    access: null,
    _attachments: {
      [tarballName]: {
        content_type: 'application/octet-stream',
        data: data.toString('base64'),
        length: data.length,
      },
    },
  };
  const response = await fetch(`${registry}/${manifest.name.replace('/', '%2f')}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`publishing ${version._id} answered ${response.status}: ${await response.text()}`);
  }
}
