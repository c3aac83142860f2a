/** Cross-references between articles, passages and notes, made by hand or derived from notes. */
import { z } from 'zod';
import { Id } from './ids';

export const ENTITY_KINDS = ['article', 'passage', 'note'] as const;
export const EntityKindSchema = z.enum(ENTITY_KINDS);
/** Anything a link, a mention or a navigation step can point at. */
export const EntityRefSchema = z.object({ kind: EntityKindSchema, id: Id });

/** Built-in relations; any other short label is a user-defined relation. */
export const LINK_RELATIONS = ['supports', 'contradicts', 'elaborates', 'see-also'] as const;
/** Relations the library writes itself, from a note's content; never created by hand. */
export const DERIVED_RELATIONS = ['mentions', 'quotes'] as const;
export const LinkRelationSchema = z
  .string()
  .trim()
  .min(1, 'relation is empty')
  .max(60, 'relation is longer than 60 characters')
  .refine(
    (r) => !(DERIVED_RELATIONS as readonly string[]).includes(r),
    'relation "mentions" and "quotes" are written by notes, not by hand',
  );

export const LinkSchema = z.object({
  id: Id,
  from: EntityRefSchema,
  to: EntityRefSchema,
  relation: z.string(),
  /** `link`: made by the user; `mention`/`quote`: derived from a note's content, removed by editing the note. */
  origin: z.enum(['link', 'mention', 'quote']),
  createdAt: z.string(),
});

/** One end of a link as a list shows it. */
export const LinkEndSchema = z.object({
  ref: EntityRefSchema,
  /** Article or note title, or the passage's quote. */
  label: z.string(),
  /** Where it lives: the article title for a passage; null otherwise. */
  context: z.string().nullable(),
  /** The article holding a passage (to navigate there). */
  articleId: Id.nullable(),
  /** The thing was deleted (a soft-deleted passage or note); the link is kept so undo restores it. */
  deleted: z.boolean(),
});
export const LinkViewSchema = LinkSchema.extend({ other: LinkEndSchema });

export type EntityKind = z.output<typeof EntityKindSchema>;
export type EntityRef = z.output<typeof EntityRefSchema>;
export type Link = z.output<typeof LinkSchema>;
export type LinkEnd = z.output<typeof LinkEndSchema>;
export type LinkView = z.output<typeof LinkViewSchema>;
