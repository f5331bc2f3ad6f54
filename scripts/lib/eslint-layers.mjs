// An ESLint rule that keeps src/ in layers: each folder (or top-level file) of src/ has a rank, and may import
// only from its own folder or from folders of a lower rank. No import can then go up, so no two folders can
// import each other: the folder-level import cycles a growing codebase slides into fail the lint.
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * The layers, bottom first. `schemas` is the content format itself; `base` what every feature reads with
 * (diagnostics, YAML, paths, formatting, file names); then the features, each above what it uses; then the
 * Astro entry points (the content config, the site's settings), the components, the layout and the pages.
 */
export const LAYERS = [
  ['schemas'],
  ['base'],
  ['attachments', 'reading'],
  ['site'],
  ['notice'],
  ['importer', 'search', 'provenance', 'feedback'],
  ['ledger', 'open-data', 'loaders'],
  ['integrations', 'build', 'content.config.ts', 'site.ts', 'env.d.ts'],
  ['styles'],
  ['components'],
  ['layouts'],
  ['pages'],
];

const RANK = new Map(LAYERS.flatMap((names, rank) => names.map((name) => [name, rank])));

/** The entry of src/ a path belongs to: its folder, or `site.ts` for src/site.ts. */
function entryOf(srcDir, path) {
  const rel = relative(srcDir, path);
  if (rel.startsWith('..') || rel === '') return undefined;
  return rel.split(sep)[0];
}

/** Where a relative import leads, as TypeScript resolves it: a file before a folder of the same name. */
function target(fromFile, source) {
  const base = resolve(dirname(fromFile), source);
  for (const ext of ['.ts', '.astro', '.mjs']) if (existsSync(`${base}${ext}`)) return `${base}${ext}`;
  return base;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'src/ folders import only from their own folder or from lower layers (scripts/lib/eslint-layers.mjs)' },
    schema: [],
  },
  create(context) {
    const srcDir = resolve(context.cwd, 'src');
    const file = context.filename;
    const from = entryOf(srcDir, file);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = entryOf(srcDir, target(file, source));
      if (!to || to === from) return;
      const [a, b] = [RANK.get(from), RANK.get(to)];
      if (a === undefined || b === undefined) {
        const missing = a === undefined ? from : to;
        context.report({ node, message: `src/${missing} is in no layer: add it to LAYERS in scripts/lib/eslint-layers.mjs.` });
      } else if (b >= a) {
        context.report({
          node,
          message: `src/${from} may not import src/${to} (${source}): ${b === a ? 'they are in the same layer' : `src/${to} is in a higher layer`}. Move what both need down a layer, or the import up (scripts/lib/eslint-layers.mjs).`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'no-upward-import': rule } };
