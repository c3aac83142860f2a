import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { safeFileName, UniqueNames } from './fileNames';
import { exportToPath } from './index';
import { blockId, obsidianTag } from './obsidian';
import { exportFixture, options, Q_FORMULA } from './testFixture';
import { markdownDom, norm, splitFrontMatter } from './testRead';
import { FOLDER_MARKER } from './write';

const tempDir = useTempDir();
const WINDOWS_ILLEGAL = /[<>:"/\\|?*\u0000-\u001f]/;

describe('Obsidian export', () => {
  it('writes one file per source with metadata, #tags, block ids and wiki links that resolve, plus an index', async () => {
    const f = await exportFixture(tempDir());
    const out = join(tempDir(), 'vault');
    const r = await exportToPath(f.library.db, options('obsidian', { groupBy: 'tag' }), out);
    const names = readdirSync(out).sort();
    expect(names).toEqual([FOLDER_MARKER, 'CON script alert( x ) script a b.md', 'Index.md', 'Putin arrives in North Korea.md'].sort());
    expect(r).toMatchObject({ files: 3, count: 6, sources: 2 });
    const read = (name: string) => readFileSync(join(out, name), 'utf8');

    const news = splitFrontMatter(read('Putin arrives in North Korea.md'));
    expect(news.data).toMatchObject({ title: 'Putin arrives in North Korea', author: 'Jane Reporter', published: '2024-06-18', site: 'The Daily Wire Service', source: 'https://news.example/putin-north-korea', commonplace: `commonplace://article/${f.shared.id}` });
    expect(news.body).toContain(`^${blockId(f.passages.trade.id)}`);
    expect(news.body).toContain('#sanctions #trade');
    const hostile = splitFrontMatter(read('CON script alert( x ) script a b.md'));
    expect(hostile.data.title).toBe(f.hostile.title);
    expect(hostile.body).toContain('#formula-tests #sanctions');
    expect([...markdownDom(hostile.body).querySelectorAll('blockquote')].map((b) => norm(b.textContent ?? ''))).toContain(norm(Q_FORMULA));
    expect(markdownDom(hostile.body).querySelectorAll('script')).toHaveLength(0);

    // Every wiki link names an exported file and a block id that file holds.
    const all = names.filter((n) => n.endsWith('.md')).map((n) => read(n)).join('\n');
    const links = [...all.matchAll(/\[\[([^\]|#]+)(?:#\^([A-Za-z0-9-]+))?(?:\|[^\]]*)?\]\]/g)];
    expect(links.length).toBeGreaterThanOrEqual(2 + 6 + 2);
    for (const [, file, block] of links) {
      expect(names).toContain(`${file}.md`);
      if (block) expect(read(`${file}.md`)).toContain(`^${block}`);
    }
    expect(news.body).toContain(`contradicts → [[CON script alert( x ) script a b#^${blockId(f.passages.formula.id)}|`);
    const index = splitFrontMatter(read('Index.md'));
    expect(index.data.excerpts).toBe(6);
    expect(index.body).toContain('## #formula-tests');
    f.library.close();
  });

  it('a second export to the same folder replaces the first; a foreign folder is never replaced', async () => {
    const f = await exportFixture(tempDir());
    const out = join(tempDir(), 'vault');
    await exportToPath(f.library.db, options('obsidian'), out);
    await exportToPath(f.library.db, options('obsidian', { selection: { tags: ['people'], tagMode: 'any', articleIds: [], dateField: 'passage' } }), out);
    expect(readdirSync(out).sort()).toEqual([FOLDER_MARKER, 'Index.md', 'Putin arrives in North Korea.md'].sort());
    const empty = tempDir();
    await exportToPath(f.library.db, options('obsidian'), empty);
    expect(readdirSync(empty)).toContain('Index.md');
    const busy = tempDir();
    writeFileSync(join(busy, 'notes.md'), 'mine');
    await expect(exportToPath(f.library.db, options('obsidian'), busy)).rejects.toThrow(`${busy}: the folder exists and is not empty`);
    expect(readdirSync(busy)).toEqual(['notes.md']);
    f.library.close();
  });
});

describe('file names', () => {
  it('are legal on Windows and macOS, safe in wiki links, bounded and unique', () => {
    const hostile = ['CON', 'con.txt', 'Lpt1', 'a<b>c:d"e/f\\g|h?i*j', 'trailing dots...', ' spaced  ', '.hidden', '#^[[x]]', 'x'.repeat(500), '\u0000\u0007', '', 'É'.repeat(300)];
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
    expect(['Report', 'report', 'Re\u0301sume\u0301', 'R\u00e9sum\u00e9'].map((n) => u.claim(n, 'md'))).toEqual(['Report', 'report (2)', 'Résumé', 'Résumé (2)']);
  });

  it('tags become Obsidian tags', () => {
    expect(obsidianTag('formula tests')).toBe('formula-tests');
    expect(obsidianTag('#2024')).toBe('_2024');
    expect(obsidianTag('a&b (c)')).toBe('ab-c');
    expect(obsidianTag('région/ÉTÉ')).toBe('région/ÉTÉ');
    expect(obsidianTag('!!!')).toBe('tag');
  });
});
