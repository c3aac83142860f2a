import { describe, expect, it } from 'vitest';
import {
  applyMetaPatch,
  META_FIELDS,
  readStoredMeta,
  SourceMetaPatchSchema,
  SourceMetaSchema,
} from '../../model/sourceMeta';
import { toBibtex } from './bibtex';
import { formatCitation } from './format';
import { effectiveMeta, toCslItem, type CitableSource } from './item';
import { toRis } from './ris';

const seed: CitableSource = {
  id: 'a1',
  title: "Putin's state visit to North Korea sets stage for elevated ties",
  subtitle: null,
  byline: 'By Ji Da-gyum',
  published: '2024-06-18T16:20:00+09:00',
  siteName: null,
  lang: 'en',
  source: 'https://www.koreaherald.com/view.php?ud=20240618050664',
  mediaType: 'text/html',
  imported: '2024-07-01T10:00:00Z',
};

describe('source metadata (model)', () => {
  it('declares every field once: the schema and the patch have exactly those keys', () => {
    const keys = META_FIELDS.map((f) => f.key);
    expect(Object.keys(SourceMetaSchema.shape)).toEqual(keys);
    expect(Object.keys(SourceMetaPatchSchema.shape)).toEqual(keys);
    expect(new Set(META_FIELDS.map((f) => f.flag)).size).toBe(keys.length);
  });

  it('accepts CSL names, dates with their precision and seasons; refuses what is not', () => {
    const ok = SourceMetaSchema.parse({
      type: 'article-journal',
      author: [{ family: 'Ji', given: 'Da-gyum' }, { literal: 'World Health Organization' }],
      issued: { 'date-parts': [[2019]], season: 1, literal: 'Spring 2019' },
      DOI: 'https://doi.org/10.1000/XYZ.1',
      page: '3–14',
    });
    expect(ok.DOI).toBe('10.1000/XYZ.1');
    const problems = (v: unknown) =>
      SourceMetaSchema.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems({ type: 'magazine' })?.[0]).toMatch(/^type: /);
    expect(problems({ author: [{ given: 'Ann' }] })?.[0]).toMatch(/^author\.0: .*family name/);
    expect(problems({ issued: { 'date-parts': [[2024, 13]] } })?.[0]).toMatch(/^issued/);
    expect(problems({ issued: { 'date-parts': [[2024, undefined, 3]] } })?.[0]).toMatch(
      /day needs a month/,
    );
    expect(problems({ URL: '/tmp/x/report.pdf' })?.[0]).toMatch(/^URL: a URL starts with http/);
    expect(problems({ DOI: 'not a doi' })?.[0]).toMatch(/^DOI: a DOI looks like/);
    expect(problems({ shoeSize: '9' })?.[0]).toMatch(/shoeSize/);
  });

  it('applies a patch (null clears) and reads stored JSON field by field', () => {
    expect(applyMetaPatch({ volume: '1', issue: '2' }, { volume: '3', issue: null })).toEqual({
      volume: '3',
    });
    // A field that no longer validates is dropped, the others kept; broken JSON is no metadata.
    expect(readStoredMeta('{"volume":"3","type":"nonsense","extra":1}')).toEqual({ volume: '3' });
    expect(readStoredMeta('{oops')).toEqual({});
    expect(readStoredMeta('[1]')).toEqual({});
  });
});

describe('articleToCsl (stored metadata over the columns)', () => {
  it('uses the columns for what the metadata lacks, and the metadata field by field', () => {
    expect(toCslItem(seed)).toMatchObject({
      type: 'webpage',
      author: [{ family: 'Ji', given: 'Da-gyum' }],
      issued: { 'date-parts': [[2024, 6, 18]] },
    });
    const item = toCslItem({
      ...seed,
      meta: { type: 'article-newspaper', 'container-title': 'The Korea Herald', subtitle: 'Seoul' },
    });
    expect(item).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'The Korea Herald',
      title: "Putin's state visit to North Korea sets stage for elevated ties: Seoul",
      URL: seed.source,
    });
    expect(item).not.toHaveProperty('subtitle');
    // Stored authors replace the byline's.
    expect(effectiveMeta({ ...seed, meta: { author: [{ literal: 'Yonhap' }] } }).author).toEqual([
      { literal: 'Yonhap' },
    ]);
    // A stored publisher keeps the site name out of the container.
    expect(
      toCslItem({ ...seed, siteName: 'KH', meta: { publisher: 'Herald Corp' } }),
    ).not.toHaveProperty('container-title');
  });

  it('gives the APA reference the issue asks for once the publication is known', () => {
    const item = toCslItem({
      ...seed,
      meta: { type: 'article-newspaper', 'container-title': 'The Korea Herald' },
    });
    // (Initials of a hyphenated given name and quote marks are the style's business.)
    expect(formatCitation(item, 'apa').text).toMatch(
      /^Ji, D\.(?:-G\.)? \(2024, June 18\)\. Putin.s state visit to North Korea sets stage for elevated ties\. The Korea Herald\. https:\/\/www\.koreaherald\.com\//,
    );
  });

  it('cites a season date ("Spring 2019", kept as typed beside its number) once, as each style writes it', () => {
    const item = toCslItem({
      ...seed,
      meta: {
        type: 'article-magazine',
        'container-title': 'Harbour Quarterly',
        issued: { 'date-parts': [[2019]], season: 1, literal: 'Spring 2019' },
      },
    });
    // APA 7 (10.1): "(2019, Spring)"; Chicago and MLA after the publication: "Spring 2019".
    expect(formatCitation(item, 'apa').text).toMatch(/^Ji, D\.(?:-G\.)? \(2019, Spring\)\./);
    expect(formatCitation(item, 'chicago').text).toContain('Harbour Quarterly, Spring 2019.');
    expect(formatCitation(item, 'mla').text).toContain('Harbour Quarterly, Spring 2019');
    for (const style of ['apa', 'chicago', 'mla'] as const)
      expect(formatCitation(item, style).text).not.toContain('20192019');
  });

  it('carries journal fields into BibTeX and RIS', () => {
    const item = toCslItem({
      ...seed,
      meta: {
        type: 'article-journal',
        'container-title': 'Nature',
        volume: '12',
        issue: '3',
        page: '100-110',
        DOI: '10.1000/xyz',
        editor: [{ family: 'Roe', given: 'Ann' }],
      },
    });
    const bib = toBibtex([item]);
    expect(bib).toMatch(/^@article\{/);
    for (const f of [
      'journal = {Nature}',
      'volume = {12}',
      'number = {3}',
      'pages = {100--110}',
      'doi = {10.1000/xyz}',
      'editor = {Roe, Ann}',
    ])
      expect(bib).toContain(f);
    const ris = toRis([item]);
    for (const l of [
      'TY  - JOUR',
      'VL  - 12',
      'IS  - 3',
      'SP  - 100',
      'EP  - 110',
      'DO  - 10.1000/xyz',
    ])
      expect(ris).toContain(l);
  });
});
