import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp';
import { cycles, importGraph, SOURCE_DIRS } from './import-cycles.mjs';

const ROOT = join(__dirname, '..', '..');
const tempDir = useTempDir('cp-cycles-');

function tree(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('import cycles', () => {
  it('finds cycles through type-only imports, re-exports, dynamic imports, require and self-imports', () => {
    const root = tree({
      'src/a.ts': "import type { B } from './b';\nexport type A = B;\n",
      'src/b.ts': "import { a } from './a';\nexport type B = typeof a;\n",
      'src/c.ts': "export * from './d';\n",
      'src/d.tsx': "export const d = () => import('./e.cjs');\n",
      'src/e.cjs': "module.exports = require('./c.ts');\n",
      'src/self.ts': "export { x } from './self';\nexport const x = 1;\n",
      'src/leaf.ts': "import { a } from './a';\nimport 'react';\n",
    });
    expect(cycles(importGraph(root, ['src']))).toEqual([
      ['src/a.ts', 'src/b.ts'],
      ['src/c.ts', 'src/d.tsx', 'src/e.cjs'],
      ['src/self.ts'],
    ]);
  });

  it('finds none in a tree without them', () => {
    const root = tree({
      'src/a.ts': "import { b } from './b';\nimport { c } from './dir';\n",
      'src/b.ts': "import { c } from './dir/index';\nexport const b = c;\n",
      'src/dir/index.ts': 'export const c = 1;\n',
    });
    expect(cycles(importGraph(root, ['src']))).toEqual([]);
  });

  it('the source tree has none', () => {
    const found = cycles(importGraph(ROOT, SOURCE_DIRS));
    expect(found.map((files) => `an import cycle:\n  ${files.join('\n  ')}`)).toEqual([]);
  });
});
