/**
 * Notes, cross-references (links) and mentions. A note's document is Lexical's serialized editor
 * state; the core never runs Lexical, it only walks that JSON (for plain text, word count,
 * Markdown, and the mentions and quotes a note holds).
 */
import { z } from 'zod';
import { call, Id, PassageSchema, TagName } from './schemas';

export const ENTITY_KINDS = ['article', 'passage', 'note'] as const;
export const EntityKindSchema = z.enum(ENTITY_KINDS);
/** Anything a link, a mention or a navigation step can point at. */
export const EntityRefSchema = z.object({ kind: EntityKindSchema, id: Id });

/** Lexical node types the core understands inside a note document (renderer and core share them). */
export const NOTE_NODE_PASSAGE_QUOTE = 'passage-quote';
export const NOTE_NODE_MENTION = 'mention';

/**
 * A passage quoted in a note: `passageId` is the live reference; `quote` and `citation` are the
 * last text the note saw, kept so the note still reads when the passage is gone.
 */
export const PassageQuoteNodeSchema = z.object({
  type: z.literal(NOTE_NODE_PASSAGE_QUOTE),
  version: z.literal(1),
  passageId: Id,
  quote: z.string(),
  citation: z.string(),
});
/** A `[[mention]]`: a live link to an article, passage or note, with the label it showed. */
export const MentionNodeSchema = z.object({
  type: z.literal(NOTE_NODE_MENTION),
  version: z.literal(1),
  ref: EntityRefSchema,
  label: z.string(),
});

/** Largest serialized note document accepted (a 10,000-word note is ~1 MB of Lexical JSON). */
export const MAX_NOTE_DOC_CHARS = 20 * 1024 * 1024;

/** Lexical's `SerializedEditorState`; node shapes beyond the root are the editor's business. */
export const NoteDocSchema = z.object({
  root: z.looseObject({ type: z.literal('root'), children: z.array(z.unknown()) }),
});

const NoteTitle = z.string().max(1000, 'note title is longer than 1,000 characters');

export const NoteSummarySchema = z.object({
  id: Id,
  title: z.string(),
  /** The first words of the note's text, for lists. */
  excerpt: z.string(),
  wordCount: z.number().int(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const NoteSchema = NoteSummarySchema.extend({ doc: NoteDocSchema, text: z.string() });

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

/** A passage with what a quote or citation needs about its source. */
export const PassageCitationSchema = PassageSchema.extend({
  deleted: z.boolean(),
  article: z.object({
    id: Id,
    title: z.string(),
    byline: z.string().nullable(),
    published: z.string().nullable(),
    siteName: z.string().nullable(),
  }),
  /** A short citation of the source ("Byline, Title, Site, 2024-06-18"). */
  citation: z.string(),
});

export const notesContract = {
  'notes.list': call({
    summary: 'A page of notes.',
    input: z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
      sort: z.enum(['updated', 'created', 'title']).default('updated'),
      tag: TagName.optional(),
    }),
    output: z.object({ items: z.array(NoteSummarySchema), total: z.number().int() }),
    mutates: false,
    exposure: 'client',
  }),
  'notes.get': call({
    summary: 'One note with its document.',
    input: z.object({ id: Id }),
    output: NoteSchema,
    mutates: false,
    exposure: 'client',
  }),
  'notes.create': call({
    summary: 'A new note: empty, from a document, or from Markdown.',
    input: z.object({
      title: NoteTitle.default(''),
      doc: NoteDocSchema.optional(),
      markdown: z.string().max(MAX_NOTE_DOC_CHARS).optional(),
      tags: z.array(TagName).max(1000).default([]),
    }),
    output: NoteSchema,
    mutates: true,
    exposure: 'client',
  }),
  'notes.update': call({
    summary:
      'Save a note (autosave): its title and/or document. Mentions and quotes in it become links.',
    input: z.object({ id: Id, title: NoteTitle.optional(), doc: NoteDocSchema.optional() }),
    output: NoteSummarySchema,
    mutates: true,
    exposure: 'client',
  }),
  'notes.setTags': call({
    summary: 'Replace the tags of a note.',
    input: z.object({ id: Id, tags: z.array(TagName).max(1000) }),
    output: NoteSummarySchema,
    mutates: true,
    exposure: 'client',
  }),
  'notes.delete': call({
    summary: 'Delete a note (soft; notes.restore undoes it).',
    input: z.object({ id: Id }),
    output: NoteSummarySchema,
    mutates: true,
    exposure: 'client',
  }),
  'notes.restore': call({
    summary: 'Undo the deletion of a note.',
    input: z.object({ id: Id }),
    output: NoteSummarySchema,
    mutates: true,
    exposure: 'client',
  }),
  'notes.markdown': call({
    summary: 'A note as Markdown; passage quotes become block quotes with citations.',
    input: z.object({ id: Id }),
    output: z.object({ title: z.string(), markdown: z.string() }),
    mutates: false,
    exposure: 'client',
  }),
  'passages.lookup': call({
    summary: 'Passages by id with their source, including deleted ones (for quotes in notes).',
    input: z.object({ ids: z.array(Id).max(5000) }),
    output: z.array(PassageCitationSchema),
    mutates: false,
    exposure: 'client',
  }),
  'links.create': call({
    summary: 'Link two things (article, passage, note) with a relation.',
    input: z.object({ from: EntityRefSchema, to: EntityRefSchema, relation: LinkRelationSchema }),
    output: LinkSchema,
    mutates: true,
    exposure: 'client',
  }),
  'links.delete': call({
    summary: 'Remove a link made by hand (mentions and quotes go with the note text).',
    input: z.object({ id: Id }),
    output: LinkSchema,
    mutates: true,
    exposure: 'client',
  }),
  'links.list': call({
    summary:
      'Links from and to one thing; incoming ones include mentions and quotes in notes ("Referenced by").',
    input: EntityRefSchema,
    output: z.object({ outgoing: z.array(LinkViewSchema), incoming: z.array(LinkViewSchema) }),
    mutates: false,
    exposure: 'client',
  }),
  'links.resolve': call({
    summary: 'What kind of thing an id names (for the CLI, which takes bare ids).',
    input: z.object({ id: Id }),
    output: EntityRefSchema,
    mutates: false,
    exposure: 'client',
  }),
  'links.suggest': call({
    summary:
      'Articles, passages and notes whose title or text matches what was typed (for [[ and link pickers).',
    input: z.object({
      query: z.string().max(1000),
      kinds: z
        .array(EntityKindSchema)
        .min(1)
        .default([...ENTITY_KINDS]),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.array(LinkEndSchema),
    mutates: false,
    exposure: 'client',
  }),
} as const;

export type EntityKind = z.output<typeof EntityKindSchema>;
export type EntityRef = z.output<typeof EntityRefSchema>;
export type NoteDoc = z.output<typeof NoteDocSchema>;
export type NoteSummary = z.output<typeof NoteSummarySchema>;
export type Note = z.output<typeof NoteSchema>;
export type Link = z.output<typeof LinkSchema>;
export type LinkEnd = z.output<typeof LinkEndSchema>;
export type LinkView = z.output<typeof LinkViewSchema>;
export type PassageCitation = z.output<typeof PassageCitationSchema>;
export type PassageQuoteNodeJson = z.output<typeof PassageQuoteNodeSchema>;
export type MentionNodeJson = z.output<typeof MentionNodeSchema>;
