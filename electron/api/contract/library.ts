/** The library itself: where it lives and how big it is. */
import { z } from 'zod';
import { call } from './call';

export const libraryContract = {
  'library.info': call({
    summary: 'Where the library lives and how big it is.',
    input: z.object({}),
    output: z.object({
      path: z.string(),
      articleCount: z.number().int(),
      schemaVersion: z.number().int(),
    }),
    mutates: false,
    exposure: 'client',
  }),
} as const;
