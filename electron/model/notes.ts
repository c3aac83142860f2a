/**
 * Notes. A note's document is Lexical's serialized editor state; the core never runs Lexical, it
 * only walks that JSON (for plain text, word count, Markdown, and the mentions and quotes it holds).
 */
import { z } from 'zod';
import { Id } from './ids';
import { EntityRefSchema } from './links';

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

export const NoteTitle = z.string().max(1000, 'note title is longer than 1,000 characters');

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

export type NoteDoc = z.output<typeof NoteDocSchema>;
export type NoteSummary = z.output<typeof NoteSummarySchema>;
export type Note = z.output<typeof NoteSchema>;
export type PassageQuoteNodeJson = z.output<typeof PassageQuoteNodeSchema>;
export type MentionNodeJson = z.output<typeof MentionNodeSchema>;
