import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { safeFileName, UniqueNames } from './fileNames';
import { exportToPath } from './index';
import { blockId, obsidianTag } from './obsidian';
import { exportFixture, options, Q_FORMULA } from './testFixture';
import { markdownDom, norm, splitFrontMatter } from './testRead';
import { LEGACY_MARKER, MANIFEST_FILE } from './folder';

const tempDir = useTempDir();
const WINDOWS_ILLEGAL = /[<>:"/\\|?*\u0000-\u001f]/;

describe('Obsidian export', () => {
  it('writes one file per source with metadata, #tags, block ids and wiki links that resolve, plus an index', async () => {
    const f = await exportFixture(tempDir());
    const out = join(tempDir(), 'vault');
    const r = await exportToPath(f.library.db, options('obsidian', { groupBy: 'tag' }), out);
    const names = readdirSync(out).sort();
    expect(names).toEqual(
      [
        MANIFEST_FILE,
        'CON script alert( x ) script a b.md',
        'Index.md',
        'Putin arrives in North Korea.md',
      ].sort(),
    );
    expect(r).toMatchObject({ files: 3, count: 6, sources: 2 });
    const read = (name: string) => readFileSync(join(out, name), 'utf8');

    const news = splitFrontMatter(read('Putin arrives in North Korea.md'));
    expect(news.data).toMatchObject({
      title: 'Putin arrives in North Korea',
      author: 'Jane Reporter',
      published: '2024-06-18',
      site: 'The Daily Wire Service',
      source: 'https://news.example/putin-north-korea',
      commonplace: `commonplace://article/${f.shared.id}`,
    });
    expect(news.body).toContain(`^${blockId(f.passages.trade.id)}`);
    expect(news.body).toContain('#sanctions #trade');
    const hostile = splitFrontMatter(read('CON script alert( x ) script a b.md'));
    expect(hostile.data.title).toBe(f.hostile.title);
    expect(hostile.body).toContain('#formula-tests #sanctions');
    expect(
      [...markdownDom(hostile.body).querySelectorAll('blockquote')].map((b) =>
        norm(b.textContent ?? ''),
      ),
    ).toContain(norm(Q_FORMULA));
    expect(markdownDom(hostile.body).querySelectorAll('script')).toHaveLength(0);

    // Every wiki link names an exported file and a block id that file holds.
    const all = names
      .filter((n) => n.endsWith('.md'))
      .map((n) => read(n))
      .join('\n');
    const links = [...all.matchAll(/\[\[([^\]|#]+)(?:#\^([A-Za-z0-9-]+))?(?:\|[^\]]*)?\]\]/g)];
    expect(links.length).toBeGreaterThanOrEqual(2 + 6 + 2);
    for (const [, file, block] of links) {
      expect(names).toContain(`${file}.md`);
      if (block) expect(read(`${file}.md`)).toContain(`^${block}`);
    }
    expect(news.body).toContain(
      `contradicts → [[CON script alert( x ) script a b#^${blockId(f.passages.formula.id)}|`,
    );
    const index = splitFrontMatter(read('Index.md'));
    expect(index.data.excerpts).toBe(6);
    expect(index.body).toContain('## #formula-tests');
    f.library.close();
  });

  it('a re-export touches only files it wrote: added notes, .obsidian/ and edited files are kept', async () => {
    const f = await exportFixture(tempDir());
    const out = join(tempDir(), 'vault');
    const NEWS = 'Putin arrives in North Korea.md';
    const HOSTILE = 'CON script alert( x ) script a b.md';
    const first = await exportToPath(f.library.db, options('obsidian'), out);
    expect(first.folder).toEqual({ conflicts: [], keptEdited: [], removed: [] });
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')) as {
      files: Record<string, string[]>;
    };
    expect(Object.keys(manifest.files).sort()).toEqual([HOSTILE, 'Index.md', NEWS].sort());

    // The user makes the folder their vault: a note, Obsidian's settings, an edit.
    writeFileSync(join(out, 'My note.md'), 'mine');
    mkdirSync(join(out, '.obsidian'));
    writeFileSync(join(out, '.obsidian', 'app.json'), '{}');
    const edited = `${readFileSync(join(out, NEWS), 'utf8')}\nMy own thoughts.\n`;
    writeFileSync(join(out, NEWS), edited);
    const people = options('obsidian', {
      selection: { tags: ['people'], tagMode: 'any', articleIds: [], dateField: 'passage' },
    });
    const second = await exportToPath(f.library.db, people, out);
    const BESIDE = 'Putin arrives in North Korea (new export).md';
    expect(second.folder).toEqual({
      conflicts: [{ path: NEWS, newVersion: BESIDE }],
      keptEdited: [],
      removed: [HOSTILE],
    });
    expect(readFileSync(join(out, 'My note.md'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, '.obsidian', 'app.json'), 'utf8')).toBe('{}');
    expect(readFileSync(join(out, NEWS), 'utf8')).toBe(edited);
    expect(readFileSync(join(out, BESIDE), 'utf8')).toContain(`^${blockId(f.passages.putin.id)}`);
    expect(readFileSync(join(out, 'Index.md'), 'utf8')).not.toContain('CON script'); // unedited: replaced
    expect(readdirSync(out).sort()).toEqual(
      ['.obsidian', MANIFEST_FILE, 'Index.md', 'My note.md', NEWS, BESIDE].sort(),
    );

    // Again: the copy beside is ours and unchanged, so it is replaced rather than multiplied;
    // an edited file that drops out of the export is kept and reported.
    writeFileSync(join(out, 'Index.md'), 'my index now');
    const third = await exportToPath(
      f.library.db,
      options('obsidian', {
        selection: {
          tags: ['formula tests'],
          tagMode: 'any',
          articleIds: [],
          dateField: 'passage',
        },
      }),
      out,
    );
    expect(third.folder).toEqual({
      conflicts: [{ path: 'Index.md', newVersion: 'Index (new export).md' }],
      keptEdited: [],
      removed: [BESIDE],
    });
    expect(readFileSync(join(out, 'Index.md'), 'utf8')).toBe('my index now');
    expect(readFileSync(join(out, NEWS), 'utf8')).toBe(edited); // never ours again once edited: untouched
    expect(readdirSync(out).sort()).toEqual(
      [
        '.obsidian',
        MANIFEST_FILE,
        HOSTILE,
        'Index (new export).md',
        'Index.md',
        'My note.md',
        NEWS,
      ].sort(),
    );
    writeFileSync(join(out, HOSTILE), 'edited too');
    const fourth = await exportToPath(f.library.db, people, out);
    expect(fourth.folder?.keptEdited).toEqual([HOSTILE]);
    expect(readFileSync(join(out, HOSTILE), 'utf8')).toBe('edited too');
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    f.library.close();
  });

  it('an export from before the manifest is updated without losing edits; a folder no export made is refused', async () => {
    const f = await exportFixture(tempDir());
    const old = tempDir();
    writeFileSync(
      join(old, LEGACY_MARKER),
      'Exported by Commonplace; a new export to this folder replaces it.\n',
    );
    writeFileSync(join(old, 'Index.md'), 'edited, or not: no hash says');
    const r = await exportToPath(f.library.db, options('obsidian'), old);
    expect(r.folder?.conflicts).toEqual([
      { path: 'Index.md', newVersion: 'Index (new export).md' },
    ]);
    expect(readFileSync(join(old, 'Index.md'), 'utf8')).toBe('edited, or not: no hash says');
    expect(readdirSync(old)).toContain(MANIFEST_FILE);
    expect(readdirSync(old)).not.toContain(LEGACY_MARKER);
    const empty = tempDir();
    await exportToPath(f.library.db, options('obsidian'), empty);
    expect(readdirSync(empty)).toContain('Index.md');
    const busy = tempDir();
    writeFileSync(join(busy, 'notes.md'), 'mine');
    await expect(exportToPath(f.library.db, options('obsidian'), busy)).rejects.toThrow(
      `${busy}: the folder exists and is not empty, and no Commonplace export made it`,
    );
    expect(readdirSync(busy)).toEqual(['notes.md']);
    f.library.close();
  });
});

describe('file names', () => {
  it('are legal on Windows and macOS, safe in wiki links, bounded and unique', () => {
    const hostile = [
      'CON',
      'con.txt',
      'Lpt1',
      'a<b>c:d"e/f\\g|h?i*j',
      'trailing dots...',
      ' spaced  ',
      '.hidden',
      '#^[[x]]',
      'x'.repeat(500),
      '\u0000\u0007',
      '',
      'É'.repeat(300),
    ];
    for (const raw of hostile) {
      const name = safeFileName(raw);
      expect(name).not.toMatch(WINDOWS_ILLEGAL);
      expect(name).not.toMatch(/[#^[\]]/);
      expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
      expect(name).not.toMatch(/[. ]$/);
      expect(name).not.toMatch(/^[. ]/);
      expect(name.length).toBeGreaterThan(0);
      expect(Buffer.byteLength(`${name} (99).md`)).toBeLessThanOrEqual(255);
    }
    expect(safeFileName('CON')).toBe('CON_');
    expect(safeFileName('')).toBe('Untitled');
    const u = new UniqueNames();
    // Case and Unicode normalisation fold together on macOS and Windows.
    expect(
      ['Report', 'report', 'Re\u0301sume\u0301', 'R\u00e9sum\u00e9'].map((n) => u.claim(n, 'md')),
    ).toEqual(['Report', 'report (2)', 'Résumé', 'Résumé (2)']);
  });

  it('tags become Obsidian tags', () => {
    expect(obsidianTag('formula tests')).toBe('formula-tests');
    expect(obsidianTag('#2024')).toBe('_2024');
    expect(obsidianTag('a&b (c)')).toBe('ab-c');
    expect(obsidianTag('région/ÉTÉ')).toBe('région/ÉTÉ');
    expect(obsidianTag('!!!')).toBe('tag');
  });
});
