import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_ARTICLE, useTempDir } from '../../test/temp';
import { runCli } from '../program';
import { parseDateText, parseNameLines } from '../../model/metaText';

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

describe('commonplace article set / show', () => {
  it('sets the metadata the issue names and prints it as CSL-JSON', async () => {
    const lib = join(tempDir(), 'library.sqlite');
    const imported = await cli(['--library', lib, 'import', SHARED_ARTICLE, '--json']);
    const id = (JSON.parse(imported.out) as { id: string }[])[0]!.id;
    const set = await cli([
      '--library',
      lib,
      'article',
      'set',
      id,
      '--title',
      "Putin's state visit to North Korea sets stage for elevated ties",
      '--author',
      'Ji, Da-gyum',
      '--author',
      '{Korea Herald Staff}',
      '--issued',
      '2024-06-18',
      '--container',
      'The Korea Herald',
      '--url',
      'https://www.koreaherald.com/view.php?ud=20240618050664',
      '--doi',
      'https://doi.org/10.1234/KH.2024',
      '--type',
      'article-newspaper',
      '--modified',
      '2024-06-19',
    ]);
    expect(set.err).toBe('');
    expect(set.code).toBe(0);
    expect(set.out).toContain('Authors: Ji, Da-gyum; Korea Herald Staff');
    const csl = JSON.parse((await cli(['--library', lib, 'article', 'show', id, '--csl'])).out);
    expect(csl).toMatchObject({
      id,
      type: 'article-newspaper',
      author: [{ family: 'Ji', given: 'Da-gyum' }, { literal: 'Korea Herald Staff' }],
      issued: { 'date-parts': [[2024, 6, 18]] },
      'container-title': 'The Korea Herald',
      URL: 'https://www.koreaherald.com/view.php?ud=20240618050664',
      DOI: '10.1234/KH.2024',
      modified: { 'date-parts': [[2024, 6, 19]] },
    });
    // The imported subtitle still follows the edited title.
    expect(csl.title).toMatch(
      /^Putin's state visit to North Korea sets stage for elevated ties: Putin says/,
    );
    // The library list shows the edited authors and publication.
    const shown = JSON.parse((await cli(['--library', lib, 'show', id, '--json'])).out);
    expect(shown).toMatchObject({
      siteName: 'The Korea Herald',
      byline: 'Da-gyum Ji, Korea Herald Staff',
    });

    // --clear removes an edit; a season is kept as written.
    await cli([
      '--library',
      lib,
      'article',
      'set',
      id,
      '--clear',
      'doi',
      '--issued',
      'Spring 2019',
    ]);
    const again = JSON.parse((await cli(['--library', lib, 'article', 'show', id, '--csl'])).out);
    expect(again.DOI).toBeUndefined();
    expect(again.issued).toEqual({ 'date-parts': [[2019]], season: 1, literal: 'Spring 2019' });
    expect((await cli(['--library', lib, 'article', 'show', id])).out).toContain(
      'Date: Spring 2019',
    );
  });

  it('refuses bad values with one line naming the flag', async () => {
    const lib = join(tempDir(), 'library.sqlite');
    const imported = await cli(['--library', lib, 'import', SHARED_ARTICLE, '--json']);
    const id = (JSON.parse(imported.out) as { id: string }[])[0]!.id;
    const bad: [string[], RegExp][] = [
      [['--issued', 'last spring'], /--issued: "last spring" is not a date/],
      [['--issued', '2024-02-30'], /--issued: "2024-02-30" is not a date/],
      [['--url', '/tmp/x/report.pdf'], /URL: a URL starts with http/],
      [['--type', 'newspaper'], /type/],
      [['--clear', 'colour'], /--clear colour: no such field/],
      [[], /give at least one field/],
    ];
    for (const [args, message] of bad) {
      const r = await cli(['--library', lib, 'article', 'set', id, ...args]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
    const meta = JSON.parse((await cli(['--library', lib, 'article', 'show', id, '--json'])).out);
    expect(meta.edited).toEqual({});
  });
});

describe('commonplace article meta-import', () => {
  it('matches BibTeX entries to articles and names the ones it could not place', async () => {
    const dir = tempDir();
    const lib = join(dir, 'library.sqlite');
    const imported = await cli(['--library', lib, 'import', SHARED_ARTICLE, '--json']);
    const id = (JSON.parse(imported.out) as { id: string }[])[0]!.id;
    const bib = join(dir, 'zotero.bib');
    writeFileSync(
      bib,
      String.raw`@article{ji2024, title = {Putin's State Visit to North Korea Sets Stage for Elevated Ties}, author = {Ji, Da-gyum}, journal = {The Korea Herald}, year = {2024}, month = jun, day = {18}}
@misc{gone, title = {Caf{\'e} society}}`,
    );
    const r = await cli(['--library', lib, 'article', 'meta-import', bib]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`→ ${id} by title`);
    expect(r.out).toContain('unmatched “Café society”: no article has its DOI, URL or title');
    expect(r.out).toContain('1 matched, 0 ambiguous, 1 unmatched');
    const csl = JSON.parse((await cli(['--library', lib, 'article', 'show', id, '--csl'])).out);
    expect(csl['container-title']).toBe('The Korea Herald');
    const missing = await cli(['--library', lib, 'article', 'meta-import', join(dir, 'nope.bib')]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/nope\.bib: cannot be read/);
  });
});

describe('typed names and dates', () => {
  it('splits authors the way people write them', () => {
    expect(parseNameLines(['By A. Author and B. Author'])).toEqual([
      { given: 'A.', family: 'Author' },
      { given: 'B.', family: 'Author' },
    ]);
    expect(
      parseNameLines(['van Beethoven, Ludwig', 'World Health Organization', '{Acme Widgets}']),
    ).toEqual([
      { family: 'van Beethoven', given: 'Ludwig' },
      { literal: 'World Health Organization' },
      { literal: 'Acme Widgets' },
    ]);
    // Family-first scripts: family name first, no comma.
    expect(parseNameLines(['习近平', '지대겸', '欧阳修', '山田 太郎', '南宮 大韓'])).toEqual([
      { family: '习', given: '近平' },
      { family: '지', given: '대겸' },
      { family: '欧阳', given: '修' },
      { family: '山田', given: '太郎' },
      { family: '南宮', given: '大韓' },
    ]);
    // Romanized Korean in its own order.
    expect(parseNameLines(['Ji Da-gyum'])).toEqual([{ family: 'Ji', given: 'Da-gyum' }]);
    expect(parseNameLines(['', '  '])).toEqual([]);
  });

  it('reads dates with their precision, and seasons', () => {
    const parts = (t: string) => {
      const r = parseDateText(t);
      return r.ok ? r.date : r.message;
    };
    expect(parts('2024-06-18')).toEqual({ 'date-parts': [[2024, 6, 18]] });
    expect(parts('2024-06-18T16:20:00+09:00')).toEqual({ 'date-parts': [[2024, 6, 18]] });
    expect(parts('2024-06')).toEqual({ 'date-parts': [[2024, 6]] });
    expect(parts('2024')).toEqual({ 'date-parts': [[2024]] });
    expect(parts('June 18, 2024')).toEqual({ 'date-parts': [[2024, 6, 18]] });
    expect(parts('18 Jun 2024')).toEqual({ 'date-parts': [[2024, 6, 18]] });
    expect(parts('July 2017')).toEqual({ 'date-parts': [[2017, 7]] });
    expect(parts('Fall 2020')).toEqual({ 'date-parts': [[2020]], season: 3, literal: 'Fall 2020' });
    expect(parts('2023-02-29')).toMatch(/is not a date/);
    expect(parts('someday')).toMatch(/is not a date: use 2024-06-18/);
  });
});
