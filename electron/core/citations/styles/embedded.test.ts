import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedSource } from './embed.mjs';

describe('the embedded CSL files', () => {
  it('are exactly the .csl and .xml files beside them (run embed.mjs after changing one)', () => {
    const written = readFileSync(join(__dirname, 'files.generated.ts'), 'utf8');
    expect(written === embeddedSource()).toBe(true);
  });
});
