// Import cycles in the source tree: every relative import, `export … from`, dynamic import() and
// require() — type-only imports included (import-x/no-cycle skips those, but a type cycle still
// ties two modules together). `node electron/dev/import-cycles.mjs` prints each cycle; exit 1 if any.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const DECLARATION = /\.d\.(ts|mts|cts)$/;
const SKIP = new Set(['node_modules', 'out', 'dist', 'test-results', 'playwright-report']);
const OPTIONS = {
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  module: ts.ModuleKind.ESNext,
  allowJs: true,
  resolveJsonModule: true,
};

/** Source files under `dirs` (relative to `root`), as root-relative paths with `/`. */
function sourceFiles(root, dirs) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) out.push(path);
    }
  };
  for (const dir of dirs) walk(dir);
  return out.sort();
}

/** file → the files it imports (relative specifiers only; packages can't close a cycle here). */
export function importGraph(root, dirs) {
  const files = sourceFiles(root, dirs);
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const abs = join(root, file);
    const { importedFiles } = ts.preProcessFile(readFileSync(abs, 'utf8'), true, true);
    const deps = new Set();
    for (const { fileName: spec } of importedFiles) {
      if (!spec.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(spec, abs, OPTIONS, ts.sys).resolvedModule;
      if (!resolved) continue;
      const target = relative(root, resolved.resolvedFileName).split(sep).join('/');
      if (known.has(target)) deps.add(target);
    }
    graph.set(file, [...deps].sort());
  }
  return graph;
}

/** The strongly connected components with more than one file (or a file importing itself):
 * each is one knot of cycles. Tarjan's algorithm, iterative (the graph has hundreds of files). */
export function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work = [[start, 0]];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const deps = graph.get(node) ?? [];
      if (i < deps.length) {
        frame[1]++;
        const dep = deps[i];
        if (!index.has(dep)) {
          index.set(dep, next);
          low.set(dep, next++);
          stack.push(dep);
          onStack.add(dep);
          work.push([dep, 0]);
        } else if (onStack.has(dep)) low.set(node, Math.min(low.get(node), index.get(dep)));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) !== index.get(node)) continue;
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || deps.includes(node)) found.push(component.sort());
    }
  }
  return found.sort((a, b) => a[0].localeCompare(b[0]));
}

/** The folders the app's code lives in. */
export const SOURCE_DIRS = ['electron', 'renderer', 'e2e'];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const found = cycles(importGraph(root, SOURCE_DIRS));
  for (const files of found)
    console.log(`cycle of ${files.length} files:\n  ${files.join('\n  ')}`);
  console.log(`${found.length} import cycle${found.length === 1 ? '' : 's'}`);
  process.exitCode = found.length ? 1 : 0;
}
