import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFixture, Q_FORMULA, Q_TRADE } from '../../core/export/testFixture';
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

async function fixtureLibrary() {
  const dir = tempDir();
  const f = await exportFixture(dir);
  f.library.close();
  return { lib: join(dir, 'library.sqlite'), f };
}

describe('commonplace export', () => {
  it('exports tagged passages to each format', async () => {
    const { lib } = await fixtureLibrary();
    const out = tempDir();
    const md = await cli([
      '--library',
      lib,
      'export',
      '--tag',
      'sanctions',
      '--format',
      'md',
      '--out',
      join(out, 'x.md'),
    ]);
    expect(md).toMatchObject({ code: 0, err: '' });
    expect(md.out).toMatch(
      /^exported 2 excerpts from 2 sources to .*x\.md \(Markdown, [\d.]+ KB\)$/,
    );
    const text = readFileSync(join(out, 'x.md'), 'utf8');
    expect(text).toContain('trade and mutual settlements');
    expect(text).not.toContain('Putin\n');
    for (const format of ['csv', 'json', 'html', 'docx']) {
      const r = await cli([
        '--library',
        lib,
        'export',
        '--tag',
        'sanctions',
        '--tag',
        'formula tests',
        '--all-tags',
        '--format',
        format,
        '--group-by',
        'tag',
        '--style',
        'apa',
        '--out',
        join(out, `x.${format}`),
      ]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/exported 1 excerpt from 1 source/);
      expect(existsSync(join(out, `x.${format}`))).toBe(true);
    }
    const vault = await cli([
      '--library',
      lib,
      'export',
      '--format',
      'obsidian',
      '--out',
      join(out, 'vault'),
      '--json',
    ]);
    expect(JSON.parse(vault.out)).toMatchObject({ count: 6, sources: 2, files: 3, message: null });
    expect(readdirSync(join(out, 'vault'))).toContain('Index.md');
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('selects by article, search and date', async () => {
    const { lib, f } = await fixtureLibrary();
    const out = join(tempDir(), 'a.csv');
    const r = await cli([
      '--library',
      lib,
      'export',
      '--article',
      f.shared.id,
      '--search',
      'settlements',
      '--from',
      '2000-01-01',
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain(Q_TRADE);
    expect(csv).not.toContain(Q_FORMULA.slice(1));
  });

  it('a tag that does not exist: an empty export and a message, exit 0', async () => {
    const { lib } = await fixtureLibrary();
    const out = join(tempDir(), 'none.md');
    const r = await cli([
      '--library',
      lib,
      'export',
      '--tag',
      'ghost',
      '--format',
      'md',
      '--out',
      out,
    ]);
    expect(r).toMatchObject({ code: 0, err: 'No tag named "ghost": nothing to export.' });
    expect(r.out).toMatch(/exported 0 excerpts from 0 sources/);
    expect(readFileSync(out, 'utf8')).toContain('excerpts: 0');
  });

  it('re-exporting an Obsidian folder keeps an edited file and says so on stderr, one line each', async () => {
    const { lib } = await fixtureLibrary();
    const vault = join(tempDir(), 'vault');
    expect(
      (await cli(['--library', lib, 'export', '--format', 'obsidian', '--out', vault])).code,
    ).toBe(0);
    writeFileSync(join(vault, 'Index.md'), 'my own index');
    const again = await cli(['--library', lib, 'export', '--format', 'obsidian', '--out', vault]);
    expect(again.code).toBe(0);
    expect(again.err).toBe(
      `${join(vault, 'Index.md')}: edited since it was exported, so kept as it is; this export's version is beside it: Index (new export).md`,
    );
    expect(readFileSync(join(vault, 'Index.md'), 'utf8')).toBe('my own index');
    expect(readFileSync(join(vault, 'Index (new export).md'), 'utf8')).toContain('## Sources');
  });

  it('an article id that does not exist: exit 3 (not found) naming the id, and no file written', async () => {
    const { lib } = await fixtureLibrary();
    const dir = tempDir();
    const ghost = '01900000-0000-7000-8000-000000000000';
    for (const format of ['md', 'obsidian']) {
      const out = join(dir, `ghost-${format}`);
      const r = await cli([
        '--library',
        lib,
        'export',
        '--article',
        ghost,
        '--format',
        format,
        '--out',
        out,
      ]);
      expect(r).toMatchObject({
        code: 3,
        out: '',
        err: `commonplace: article ${ghost}: no such article in this library; nothing was exported`,
      });
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exports a note to Markdown and Word; other formats are refused for a note', async () => {
    const dir = tempDir();
    const f = await exportFixture(dir);
    const note = await f.invoke('notes.create', {
      title: 'My note',
      markdown: 'Some **bold** words.',
    });
    f.library.close();
    const lib = join(dir, 'library.sqlite');
    const out = tempDir();
    const md = await cli([
      '--library',
      lib,
      'export',
      '--note',
      note.id,
      '--format',
      'md',
      '--out',
      join(out, 'n.md'),
    ]);
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/exported note .* \(Markdown, \d+ B\)/);
    expect(readFileSync(join(out, 'n.md'), 'utf8')).toContain('Some **bold** words.');
    expect(
      (
        await cli([
          '--library',
          lib,
          'export',
          '--note',
          note.id,
          '--format',
          'docx',
          '--out',
          join(out, 'n.docx'),
        ])
      ).code,
    ).toBe(0);
    const csv = await cli([
      '--library',
      lib,
      'export',
      '--note',
      note.id,
      '--format',
      'csv',
      '--out',
      join(out, 'n.csv'),
    ]);
    expect(csv.err).toMatch(/--note: a note exports to md or docx, not csv/);
  });

  it('a note without --out (or --out -) prints its Markdown to stdout; Word needs a file', async () => {
    const dir = tempDir();
    const f = await exportFixture(dir);
    const note = await f.invoke('notes.create', {
      title: 'My note',
      markdown: 'Some **bold** words.',
    });
    f.library.close();
    const lib = join(dir, 'library.sqlite');
    const md = await cli(['--library', lib, 'export', '--note', note.id, '--format', 'md']);
    expect(md).toMatchObject({ code: 0, err: '' });
    expect(md.out).toContain('Some **bold** words.');
    expect(md.out).not.toMatch(/exported note/);
    const dash = await cli([
      '--library',
      lib,
      'export',
      '--note',
      note.id,
      '--format',
      'md',
      '--out',
      '-',
    ]);
    expect(dash).toEqual(md);
    expect(readdirSync(process.cwd())).not.toContain('-');
    const json = await cli([
      '--library',
      lib,
      'export',
      '--note',
      note.id,
      '--format',
      'md',
      '--json',
    ]);
    const file = JSON.parse(json.out) as { fileName: string; dataBase64: string };
    expect(file.fileName).toMatch(/\.md$/);
    expect(Buffer.from(file.dataBase64, 'base64').toString('utf8')).toContain(
      'Some **bold** words.',
    );

    const docx = await cli(['--library', lib, 'export', '--note', note.id, '--format', 'docx']);
    expect(docx.code).toBe(2);
    expect(docx.err).toMatch(/--format docx writes a Word file: give --out FILE/);
    expect(docx.out).toBe('');
    const passages = await cli(['--library', lib, 'export', '--format', 'md', '--out', '-']);
    expect(passages.code).toBe(2);
    expect(passages.err).toMatch(/--out - \(stdout\) is only for --note/);
  });

  it('bad input: a missing folder, a bad format or date, no --out', async () => {
    const { lib } = await fixtureLibrary();
    const missing = join(tempDir(), 'nope');
    const r = await cli([
      '--library',
      lib,
      'export',
      '--format',
      'md',
      '--out',
      join(missing, 'x.md'),
    ]);
    expect(r).toMatchObject({ code: 1, err: `commonplace: ${missing}: the folder does not exist` });
    expect((await cli(['--library', lib, 'export', '--format', 'pdf', '--out', 'x'])).code).toBe(2);
    expect(
      (
        await cli([
          '--library',
          lib,
          'export',
          '--format',
          'md',
          '--from',
          '18/06/2024',
          '--out',
          'x',
        ])
      ).err,
    ).toMatch(/--from must be a date like 2024-06-18/);
    expect((await cli(['--library', lib, 'export', '--format', 'md'])).err).toMatch(/--out/);
  });
});
