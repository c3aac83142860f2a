/**
 * The whole library as one file: a versioned JSON document (export and restore into an empty
 * library) and a SQLite backup. Local only: these read and write paths on this machine.
 * Runtime-neutral.
 */
import { z } from 'zod';
import { call } from './call';

const Path = z.string().min(1, 'path is empty').max(4096, 'path is longer than 4,096 characters');
const TableCounts = z.record(z.string(), z.number().int());

export const transferContract = {
  'library.exportJson': call({
    summary:
      'Write the whole library (articles with originals, passages, tags, notes, links) as one JSON document.',
    input: z.object({ path: Path }),
    output: z.object({ path: z.string(), bytes: z.number().int(), counts: TableCounts }),
    mutates: false,
    exposure: 'local',
  }),
  'library.importJson': call({
    summary:
      'Restore a full-library JSON document into this library, which must be empty (one transaction).',
    input: z.object({ path: Path }),
    output: z.object({ counts: TableCounts }),
    mutates: true,
    exposure: 'local',
  }),
  'library.backup': call({
    summary:
      "A consistent copy of the library file through SQLite's online backup (checked, then renamed into place).",
    input: z.object({ path: Path }),
    output: z.object({ path: z.string(), bytes: z.number().int(), pages: z.number().int() }),
    mutates: false,
    exposure: 'local',
  }),
} as const;
