import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf, textLines } from '../../core/import/pdf/fixtures';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { runCli } from '../program';

const tempDir = useTempDir();

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    rendererDir: '/nonexistent',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('commonplace reparse / original', () => {
  it('re-parses an article from its original and writes the original back out', async () => {
    const dir = tempDir();
    const lib = join(dir, 'library.sqlite');
    const pdf = await makePdf({
      title: 'Salt Flats',
      pages: [textLines(['White ground to the horizon.'], 700)],
    });
    const t = openTestLibrary(dir);
    const [imported] = await t.invoke('articles.importFiles', {
      files: [{ name: 'salt.pdf', dataBase64: Buffer.from(pdf).toString('base64') }],
    });
    t.library.close();
    if (!imported?.ok) throw new Error('import failed');
    const id = imported.article.id;

    const re = await cli(['--library', lib, 'reparse', id]);
    expect(re).toMatchObject({ code: 0, err: '' });
    expect(re.out).toBe(
      `re-parsed ${id} "Salt Flats" (pdf): passages 0 unchanged, 0 moved, 0 changed, 0 orphaned`,
    );
    const json = await cli(['--library', lib, 'reparse', id, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({
      article: { id, format: 'pdf', pages: [{ label: '1', start: 0 }] },
      report: { orphaned: 0 },
    });

    const out = join(dir, 'copy.pdf');
    const written = await cli(['--library', lib, 'original', id, '--out', out]);
    expect(written.code).toBe(0);
    expect(written.out).toBe(`wrote salt.pdf (application/pdf, ${pdf.length} bytes) to ${out}`);
    expect(readFileSync(out).equals(Buffer.from(pdf))).toBe(true);
    const again = await cli(['--library', lib, 'original', id, '--out', out]);
    expect(again.code).not.toBe(0);
    expect(again.err).toContain(`${out}: already exists; choose another --out`);
    const missing = await cli([
      '--library',
      lib,
      'reparse',
      '01900000-0000-7000-8000-000000000001',
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('not in this library');
  });
});

describe('commonplace update', () => {
  it('reads the source file again; a source path from data that is not followed is refused, naming it', async () => {
    const dir = tempDir();
    const lib = join(dir, 'library.sqlite');
    const file = join(dir, 'tides.md');
    writeFileSync(file, '# Tides\n\nThe tide comes in twice a day.\n');
    const t = openTestLibrary(dir);
    const [imported] = await t.invoke('articles.importPaths', { paths: [file] });
    t.library.close();
    if (!imported?.ok) throw new Error('import failed');
    const id = imported.article.id;

    expect(await cli(['--library', lib, 'update', id])).toEqual({
      code: 0,
      err: '',
      out: `${id} "Tides": ${file} has not changed`,
    });
    writeFileSync(file, '# Tides\n\nThe tide comes in twice a day, mostly.\n');
    const updated = await cli(['--library', lib, 'update', id]);
    expect(updated).toMatchObject({ code: 0, err: '' });
    expect(updated.out).toBe(
      `updated ${id} "Tides" from ${file}: passages 0 unchanged, 0 moved, 0 changed, 0 orphaned`,
    );

    // A library made elsewhere: its source is any string.
    const other = openTestLibrary(dir);
    other.library.db.prepare('UPDATE articles SET source = ? WHERE id = ?').run('/etc/passwd', id);
    other.library.close();
    const refused = await cli(['--library', lib, 'update', id]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain(
      `article ${id}: its source path "/etc/passwd" is in a system folder (/etc); it was not read`,
    );
    expect(refused.out).toBe('');
  });
});
