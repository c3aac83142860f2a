/** Tags on passages, articles and notes. */
import { z } from 'zod';
import { Id } from './ids';

export const TagSchema = z.object({
  id: Id,
  name: z.string(),
  color: z.string().nullable(),
  /** Passages carrying the tag. */
  count: z.number().int(),
  /** Articles tagged themselves. */
  articleCount: z.number().int(),
  /** Articles the library lists when filtered by the tag: tagged, or holding a passage with it. */
  listedArticleCount: z.number().int(),
  /** Notes carrying the tag. */
  noteCount: z.number().int(),
});

/** The longest tag name in characters (code points): the API's check and the core's are this one number. */
export const MAX_TAG_LENGTH = 100;
export const TagName = z
  .string()
  .refine(
    (s) =>
      s.length <= MAX_TAG_LENGTH ||
      (s.length <= 2 * MAX_TAG_LENGTH && Array.from(s).length <= MAX_TAG_LENGTH),
    `tag name is longer than ${MAX_TAG_LENGTH} characters`,
  );
export const TagColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #ffcc00')
  .nullable();

export type Tag = z.output<typeof TagSchema>;
