/**
 * Every dialog of the app is a ui/Modal, so each one hands the focus back to where it came from
 * when it closes (one implementation): no component opens a <dialog> of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('dialogs', () => {
  it('are all ui/Modal: no other module opens a <dialog>', () => {
    const own = sources(RENDERER)
      .filter((file) => !file.endsWith(join('ui', 'Modal.tsx')))
      .filter((file) =>
        /<dialog\b|\.showModal\(|role=["']dialog["']/.test(readFileSync(file, 'utf8')),
      )
      .map((file) => relative(RENDERER, file));
    expect(own).toEqual([]);
  });
});
