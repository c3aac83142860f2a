/** Tags on passages, articles and notes: list, create, rename, recolour, merge, delete. */
import { z } from 'zod';
import { TagColor, TagName, TagSchema } from '../../model/tags';
import { call } from './call';

export const tagsContract = {
  'tags.list': call({
    summary: 'Every tag with how many passages, articles and notes carry it.',
    input: z.object({}),
    output: z.array(TagSchema),
    mutates: false,
    exposure: 'client',
  }),
  'tags.create': call({
    summary: 'Create a tag.',
    input: z.object({ name: TagName, color: TagColor.default(null) }),
    output: TagSchema,
    mutates: true,
    exposure: 'client',
  }),
  'tags.rename': call({
    summary: 'Rename a tag everywhere.',
    input: z.object({ from: TagName, to: TagName }),
    output: TagSchema,
    mutates: true,
    exposure: 'client',
  }),
  'tags.recolor': call({
    summary: "Change a tag's colour.",
    input: z.object({ name: TagName, color: TagColor }),
    output: TagSchema,
    mutates: true,
    exposure: 'client',
  }),
  'tags.merge': call({
    summary: 'Move everything tagged `from` to `into`, then remove `from`.',
    input: z.object({ from: TagName, into: TagName }),
    output: TagSchema,
    mutates: true,
    exposure: 'client',
  }),
  'tags.delete': call({
    summary: 'Delete a tag; what carried it stays, untagged.',
    input: z.object({ name: TagName }),
    output: TagSchema,
    mutates: true,
    exposure: 'client',
  }),
} as const;
