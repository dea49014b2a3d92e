// Bundles code for a browser with esbuild, the way an application's bundler would take this package:
// `platform: 'browser'` (so the `browser` field of package.json applies) and no Node built-in allowed.
import { builtinModules } from 'node:module';
import { build, type Plugin } from 'esbuild';

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function isNodeBuiltin(path: string): boolean {
  return path.startsWith('node:') || BUILTINS.has(path) || BUILTINS.has(path.split('/')[0] ?? '');
}

/** Fails the build at the first import of a Node built-in, naming it and the file that imports it. */
export const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) =>
      isNodeBuiltin(args.path)
        ? { errors: [{ text: `a browser bundle reached the Node built-in "${args.path}"` }] }
        : undefined,
    );
  },
};

/** Static and dynamic imports, and requires, of Node built-ins left in bundled code. */
export function nodeImportsIn(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) {
    if (isNodeBuiltin(match[1] ?? '')) found.push(match[1] as string);
  }
  return found;
}

export interface BrowserBundle {
  code: string;
  /** Every file that went into the bundle (relative to `resolveDir`'s package). */
  inputs: string[];
}

/** Bundles `contents` (an ES module resolved from `resolveDir`) into one browser ES module. */
export async function bundleForBrowser(contents: string, resolveDir: string): Promise<BrowserBundle> {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'browser-entry.ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [noNodeBuiltins],
  });
  return {
    code: result.outputFiles[0]?.text ?? '',
    inputs: Object.keys(result.metafile.inputs),
  };
}
