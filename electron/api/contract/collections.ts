/** Collections: named sets of articles (an article in any number of them). */
import { z } from 'zod';
import { Id } from '../../model/ids';
import { CollectionName, CollectionSchema, IdBatch } from '../../model/library';
import { call } from './call';

export const collectionsContract = {
  'collections.list': call({
    summary: 'Every collection by name, with its number of articles (not counting the trash).',
    input: z.object({}),
    output: z.array(CollectionSchema),
    mutates: false,
    exposure: 'client',
  }),
  'collections.create': call({
    summary: 'Create an empty collection.',
    input: z.object({ name: CollectionName }),
    output: CollectionSchema,
    mutates: true,
    exposure: 'client',
  }),
  'collections.rename': call({
    summary: 'Rename a collection.',
    input: z.object({ id: Id, name: CollectionName }),
    output: CollectionSchema,
    mutates: true,
    exposure: 'client',
  }),
  'collections.delete': call({
    summary: 'Delete a collection; its articles stay in the library.',
    input: z.object({ id: Id }),
    output: z.object({}),
    mutates: true,
    exposure: 'client',
  }),
  'collections.add': call({
    summary: 'Put articles in a collection, creating it when no collection has that name.',
    input: z.object({ name: CollectionName, ids: IdBatch }),
    output: CollectionSchema,
    mutates: true,
    exposure: 'client',
  }),
  'collections.remove': call({
    summary: 'Take articles out of a collection.',
    input: z.object({ name: CollectionName, ids: IdBatch }),
    output: CollectionSchema,
    mutates: true,
    exposure: 'client',
  }),
} as const;
