import { describe, expect, it } from 'vitest';
import { newId } from '../core/ids';
import { ArticleFieldsSchema, ArticleSummarySchema } from './articles';
import { BodySchema, bodyToText, makeBody, paragraph } from './body';
import { Id, UUID_V7 } from './ids';
import { PassageCitationSchema } from './passages';

describe('the model declares each concept once', () => {
  it('an id the library makes is what the API accepts, and nothing else', () => {
    const id = newId();
    expect(UUID_V7.test(id)).toBe(true);
    expect(Id.safeParse(id).success).toBe(true);
    // A UUIDv4 and an upper-case v7 are refused by the one pattern.
    expect(Id.safeParse('0f8fad5b-d9cb-469f-a165-70867728950e').success).toBe(false);
    expect(Id.safeParse(id.toUpperCase()).success).toBe(false);
  });

  it('a body built by the model code is a body the schema accepts; a foreign block is refused', () => {
    const body = makeBody([
      paragraph('One.'),
      { type: 'heading', level: 2, content: [{ text: 'Two' }] },
    ]);
    expect(BodySchema.parse(body)).toEqual(body);
    expect(bodyToText(body)).toBe('One.\n\nTwo');
    const bad = { version: 1, blocks: [{ type: 'script', text: 'x' }] };
    expect(BodySchema.safeParse(bad).success).toBe(false);
  });

  it('article summaries and passage citations carry the fields of one declaration', () => {
    const meta = Object.keys(ArticleFieldsSchema.shape);
    expect(meta).toEqual(['title', 'subtitle', 'byline', 'published', 'siteName', 'lang']);
    // The summary's field order is what `--json` prints: id, the metadata, then the rest.
    expect(Object.keys(ArticleSummarySchema.shape)).toEqual([
      'id',
      ...meta,
      'source',
      'format',
      'createdAt',
      'updatedAt',
      'readAt',
      'lastReadAt',
      'trashedAt',
    ]);
    const cited = Object.keys(PassageCitationSchema.shape.article.shape).filter((k) => k !== 'id');
    for (const k of cited) expect(meta).toContain(k);
  });
});
