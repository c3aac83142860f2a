/** Passages: kept ranges of an article's canonical text (W3C Web Annotation selectors). */
import { z } from 'zod';
import { ArticleFieldsSchema } from './articles';
import { Id } from './ids';

export const PASSAGE_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const PassageColorSchema = z.enum(PASSAGE_COLORS);

export const Offset = z.number().int().min(0);
export const Comment = z.string().max(100_000, 'comment is longer than 100,000 characters');

export const PassageSchema = z.object({
  id: Id,
  articleId: Id,
  /** The exact quoted text (TextQuoteSelector.exact). */
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  /** TextPositionSelector in the article's canonical text; the last known place when orphaned. */
  start: z.number().int(),
  end: z.number().int(),
  orphaned: z.boolean(),
  color: PassageColorSchema,
  comment: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A passage with what a quote or citation needs about its source. */
export const PassageCitationSchema = PassageSchema.extend({
  deleted: z.boolean(),
  /** Its article is in the trash: a note's quote still shows it, marked so. */
  articleTrashed: z.boolean(),
  article: z.object({
    id: Id,
    ...ArticleFieldsSchema.pick({ title: true, byline: true, published: true, siteName: true })
      .shape,
  }),
  /** A short citation of the source ("Byline, Title, Site, 2024-06-18"). */
  citation: z.string(),
});

export type Passage = z.output<typeof PassageSchema>;
export type PassageColor = z.output<typeof PassageColorSchema>;
export type PassageCitation = z.output<typeof PassageCitationSchema>;
