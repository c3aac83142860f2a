/** Passages: kept ranges of an article's text, with colour, tags and a comment. */
import { z } from 'zod';
import { Id } from '../../model/ids';
import { Comment, Offset, PassageColorSchema, PassageSchema } from '../../model/passages';
import { TagName } from '../../model/tags';
import { call } from './call';

export const passagesContract = {
  'passages.list': call({
    summary: 'Passages in reading order, for one article and/or one tag.',
    input: z.object({ articleId: Id.optional(), tag: TagName.optional() }),
    output: z.array(PassageSchema),
    mutates: false,
    exposure: 'client',
  }),
  'passages.create': call({
    summary: "Keep a passage: a range of the article's canonical text.",
    input: z.object({
      articleId: Id,
      start: Offset,
      end: Offset,
      color: PassageColorSchema.default('yellow'),
      tags: z.array(TagName).max(100).default([]),
      comment: Comment.default(''),
    }),
    output: PassageSchema,
    mutates: true,
    exposure: 'client',
  }),
  'passages.createFromQuote': call({
    summary: 'Keep a passage by quoting it: the Nth occurrence of the quote in the article.',
    input: z.object({
      articleId: Id,
      quote: z.string().min(1, 'quote is empty'),
      occurrence: z.number().int().min(1).default(1),
      color: PassageColorSchema.default('yellow'),
      tags: z.array(TagName).max(100).default([]),
      comment: Comment.default(''),
    }),
    output: PassageSchema,
    mutates: true,
    exposure: 'client',
  }),
  'passages.update': call({
    summary: "Change a passage's colour, tags or comment.",
    input: z.object({
      id: Id,
      color: PassageColorSchema.optional(),
      tags: z.array(TagName).max(100).optional(),
      comment: Comment.optional(),
    }),
    output: PassageSchema,
    mutates: true,
    exposure: 'client',
  }),
  'passages.delete': call({
    summary: 'Delete a passage (undo with passages.restore).',
    input: z.object({ id: Id }),
    output: PassageSchema,
    mutates: true,
    exposure: 'client',
  }),
  'passages.restore': call({
    summary: 'Undo the deletion of a passage.',
    input: z.object({ id: Id }),
    output: PassageSchema,
    mutates: true,
    exposure: 'client',
  }),
  'passages.reattach': call({
    summary: 'Attach a passage (typically an orphan) to a new range of its article.',
    input: z.object({ id: Id, start: Offset, end: Offset }),
    output: PassageSchema,
    mutates: true,
    exposure: 'client',
  }),
} as const;
