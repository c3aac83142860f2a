import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { buildExport } from './index';
import { exportFixture, options } from './testFixture';
import { fileText } from './testRead';

const tempDir = useTempDir();

/** The Web Annotation Data Model's requirements (https://www.w3.org/TR/annotation-model/), as checks. */
function checkAnnotation(a: Record<string, unknown>, text: (sourceId: string) => string): void {
  expect(a.type).toBe('Annotation');
  expect(typeof a.target === 'string' || typeof a.target === 'object').toBe(true);
  if (a.motivation === 'linking') {
    expect(a.target).toMatch(/^commonplace:\/\/passage\//);
    return;
  }
  expect(a.id).toMatch(/^commonplace:\/\/passage\/[0-9a-f-]{36}$/); // an IRI
  expect(['highlighting', 'commenting']).toContain(a.motivation);
  expect(a.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/); // xsd:dateTime, UTC
  const target = a.target as {
    type: string;
    source: { id: string; type: string };
    selector: Array<Record<string, unknown>>;
  };
  expect(target.type).toBe('SpecificResource');
  expect(target.source.id).toMatch(/^commonplace:\/\/article\//);
  const quote = target.selector.find((s) => s.type === 'TextQuoteSelector')!;
  const pos = target.selector.find((s) => s.type === 'TextPositionSelector')!;
  expect(typeof quote.exact).toBe('string');
  expect(
    Number.isInteger(pos.start) &&
      Number.isInteger(pos.end) &&
      (pos.start as number) >= 0 &&
      (pos.end as number) >= (pos.start as number),
  ).toBe(true);
  const sourceText = text(target.source.id.slice('commonplace://article/'.length));
  if (!quote.exact || !(quote.exact as string).includes('\u0001')) {
    // Both selectors describe the same text of the source.
    expect(sourceText.slice(pos.start as number, pos.end as number)).toBe(quote.exact);
    expect(sourceText.slice(0, pos.start as number).endsWith(quote.prefix as string)).toBe(true);
  }
  for (const b of (a.body as Array<Record<string, unknown>> | undefined) ?? []) {
    expect(b.type).toBe('TextualBody');
    expect(['commenting', 'tagging']).toContain(b.purpose);
    expect(typeof b.value).toBe('string');
  }
}

describe('Web Annotation JSON export', () => {
  it('is an AnnotationCollection of valid annotations: quote and position selectors, tagging and commenting bodies, links', async () => {
    const f = await exportFixture(tempDir());
    const built = await buildExport(f.library.db, options('json'));
    const json = JSON.parse(fileText(built.output)) as Record<string, unknown>;
    expect(json['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(json.type).toBe('AnnotationCollection');
    const page = json.first as {
      type: string;
      startIndex: number;
      items: Array<Record<string, unknown>>;
    };
    expect(page).toMatchObject({ type: 'AnnotationPage', startIndex: 0 });
    expect(json.total).toBe(page.items.length);
    const texts = new Map<string, string>();
    for (const id of [f.shared.id, f.hostile.id])
      texts.set(id, (await f.invoke('articles.get', { id })).text);
    for (const a of page.items) checkAnnotation(a, (id) => texts.get(id)!);

    const formula = page.items.find(
      (a) => a.id === `commonplace://passage/${f.passages.formula.id}`,
    )!;
    expect(formula.motivation).toBe('commenting');
    expect(formula.body).toEqual([
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: f.passages.formula.comment,
        format: 'text/plain',
      },
      { type: 'TextualBody', purpose: 'tagging', value: 'formula tests' },
      { type: 'TextualBody', purpose: 'tagging', value: 'sanctions' },
    ]);
    // The control characters survive as JSON escapes: the quote is exactly what was kept.
    const putin = page.items.find((a) => a.id === `commonplace://passage/${f.passages.putin.id}`)!;
    expect(JSON.stringify(putin)).toContain('Putin\\u0001\\u000b\\u001f');
    const links = page.items.filter((a) => a.motivation === 'linking');
    expect(links).toEqual([
      {
        type: 'Annotation',
        motivation: 'linking',
        body: [
          `commonplace://passage/${f.passages.formula.id}`,
          { type: 'TextualBody', purpose: 'classifying', value: 'contradicts' },
        ],
        target: `commonplace://passage/${f.passages.trade.id}`,
      },
    ]);
    f.library.close();
  });
});
