/**
 * Citations outside exports: "Copy as citation" on a passage, and the styles a library offers —
 * the bundled ones and the `.csl` files the user added. Runtime-neutral.
 */
import { z } from 'zod';
import { CitationStyleInfoSchema } from '../../model/citationStyles';
import { CitationFormSchema, CitationStyleSchema, UserStyleIdSchema } from '../../model/export';
import { Id } from '../../model/ids';
import { call } from './call';

export const citationsContract = {
  /** "Copy as citation" on a passage (electron/core/citations/passage.ts). */
  'citations.passage': call({
    summary:
      'A passage quote with its in-text citation or its reference entry (a bundled or added style, or the short citation), as plain text and HTML for the clipboard.',
    input: z.object({
      id: Id,
      style: CitationStyleSchema.nullable().default(null),
      form: CitationFormSchema.default('reference'),
    }),
    output: z.object({ text: z.string(), html: z.string() }),
    mutates: false,
    exposure: 'client',
  }),
  'citations.styles': call({
    summary: 'The citation styles this library offers: the bundled ones, then the added ones.',
    input: z.object({}),
    output: z.array(CitationStyleInfoSchema),
    mutates: false,
    exposure: 'client',
  }),
  'citations.addStyle': call({
    summary:
      'Add a CSL style (.csl file, at most 1 MB): an independent style, or a dependent one whose parent is bundled.',
    input: z.object({
      fileName: z.string().trim().min(1, 'fileName is empty').max(300),
      // Larger texts are refused by the core with the file's name; this only bounds the request.
      text: z.string().max(4 * 1024 * 1024, 'the file is larger than 1 MB'),
    }),
    output: CitationStyleInfoSchema,
    mutates: true,
    exposure: 'client',
  }),
  'citations.removeStyle': call({
    summary: 'Remove an added citation style (exports already written keep their citations).',
    input: z.object({ id: UserStyleIdSchema }),
    output: CitationStyleInfoSchema,
    mutates: true,
    exposure: 'client',
  }),
} as const;
