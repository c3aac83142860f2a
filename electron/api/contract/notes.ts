/** Notes, cross-references (links) and mentions: the calls (vocabulary in model/notes, model/links). */
import { z } from 'zod';
import { Id } from '../../model/ids';
import {
  ENTITY_KINDS,
  EntityKindSchema,
  EntityRefSchema,
  LinkEndSchema,
  LinkRelationSchema,
  LinkSchema,
  LinkViewSchema,
} from '../../model/links';
import {
  MAX_NOTE_DOC_CHARS,
  NoteDocSchema,
  NoteSchema,
  NoteSummarySchema,
  NoteTitle,
} from '../../model/notes';
import { PassageCitationSchema } from '../../model/passages';
import { TagName } from '../../model/tags';
import { call } from './call';

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
      /** Never offered (the thing being linked from, the note being written). */
      exclude: z.array(EntityRefSchema).max(20).default([]),
    }),
    output: z.array(LinkEndSchema),
    mutates: false,
    exposure: 'client',
  }),
} as const;
