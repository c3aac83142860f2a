/**
 * Sync through a folder (issue #16): the shapes of what Commonplace writes into a sync folder and
 * of the sync calls' answers. Everything read from the folder is untrusted: it is parsed with these
 * schemas before anything is applied. Runtime: both (Node and browser); imports nothing of the app.
 */
import { z } from 'zod';

/** Version of the folder layout and segment format; a newer one is refused, never guessed at. */
export const SYNC_FORMAT = 1;

/** UUIDs as Commonplace writes them (lower-case hex, any version). */
export const SyncId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'is not a UUID');

/**
 * A hybrid logical clock reading as one string that sorts like the clock: 13 digits of wall
 * milliseconds, 6 hex digits of counter, the device id (ties between devices break by id).
 */
export const HlcString = z
  .string()
  .regex(/^\d{13}-[0-9a-f]{6}-[0-9a-f-]{36}$/, 'is not a hybrid logical clock reading');

export const DeviceName = z
  .string()
  .trim()
  .min(1, 'device name is empty')
  .max(100, 'device name is longer than 100 characters');

/** `<folder>/commonplace-library.json`: which library the folder belongs to. */
export const LibraryFileSchema = z.object({
  format: z.literal(SYNC_FORMAT),
  libraryId: SyncId,
  createdAt: z.string().max(40),
});
export type LibraryFile = z.output<typeof LibraryFileSchema>;

/** `<folder>/devices/<deviceId>/device.json`: the name shown on what the device changed. */
export const DeviceFileSchema = z.object({
  format: z.literal(SYNC_FORMAT),
  deviceId: SyncId,
  name: DeviceName,
});
export type DeviceFile = z.output<typeof DeviceFileSchema>;

/**
 * The kinds of rows a segment carries (tag memberships as `OWNER_ID/TAG_ID`, an article in a
 * collection as `COLLECTION_ID/ARTICLE_ID`). Trash and read state travel as fields of the article.
 */
export const SYNC_ENTITIES = [
  'tag',
  'article',
  'passage',
  'note',
  'article_tag',
  'passage_tag',
  'note_tag',
  'link',
  'collection',
  'collection_article',
  'citation_style',
] as const;
export const SyncEntitySchema = z.enum(SYNC_ENTITIES);
export type SyncEntity = z.output<typeof SyncEntitySchema>;

/**
 * One change to one row: the fields it sets (each merged by itself, last writer by `h` wins),
 * or its deletion (`del`, a tombstone). Field values are checked per entity when applied.
 */
export const SyncOpSchema = z
  .object({
    e: SyncEntitySchema,
    id: z.string().min(1).max(200),
    h: HlcString,
    set: z.record(z.string().max(40), z.unknown()).optional(),
    del: z.literal(true).optional(),
    /** With `del`: the row went into this one (the same file imported on two devices). */
    into: SyncId.optional(),
    /**
     * With `del`: the clock reading of each field as the deleting device last saw it. A device
     * holding a later edit of a field (one the deleter never saw) restores the row with it.
     */
    seen: z.record(z.string().max(40), HlcString).optional(),
  })
  .refine((o) => (o.set === undefined) !== (o.del === undefined), 'sets fields or deletes')
  .refine((o) => o.into === undefined || (o.del && o.e === 'article' && o.into !== o.id), {
    message: 'only an article deleted into another names one',
  });
export type SyncOp = z.output<typeof SyncOpSchema>;

/** What a segment file holds, once its checksum is verified and it is decompressed. */
export const SegmentSchema = z.object({
  format: z.literal(SYNC_FORMAT),
  libraryId: SyncId,
  deviceId: SyncId,
  seq: z.number().int().min(1),
  createdAt: z.string().max(40),
  ops: z.array(SyncOpSchema).max(1_000_000),
});
export type Segment = z.output<typeof SegmentSchema>;

export const SyncDeviceSchema = z.object({
  deviceId: SyncId,
  name: z.string(),
  self: z.boolean(),
  /** Segments this device wrote that the folder holds. */
  segments: z.number().int(),
  /** When the newest of them was written (file time), null when it wrote none yet. */
  lastSeenAt: z.string().nullable(),
});
export type SyncDevice = z.output<typeof SyncDeviceSchema>;

export const SyncProblemSchema = z.object({ file: z.string(), message: z.string() });
export type SyncProblem = z.output<typeof SyncProblemSchema>;

/** Another device's clock (or this one's) is far off: merges still converge, but tell the user. */
export const SyncClockWarningSchema = z.object({
  deviceId: SyncId,
  /** How far ahead of this device's clock that device's is (negative: this one is behind). */
  offsetMs: z.number(),
  message: z.string(),
});
export type SyncClockWarning = z.output<typeof SyncClockWarningSchema>;

export const SyncStatusSchema = z.object({
  configured: z.boolean(),
  folder: z.string().nullable(),
  libraryId: z.string().nullable(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  /** Local changes not yet written to a segment. */
  outgoing: z.number().int(),
  /** Segments in the folder from other devices not applied yet. */
  incoming: z.number().int(),
  /** Changes that arrived before what they depend on (a passage before its article). */
  parked: z.number().int(),
  devices: z.array(SyncDeviceSchema),
  /** Files skipped at the last sync (half-written, corrupt), to be retried. */
  problems: z.array(SyncProblemSchema),
  clocks: z.array(SyncClockWarningSchema),
});
export type SyncStatus = z.output<typeof SyncStatusSchema>;

export const SyncReportSchema = z.object({
  /** Segments this device wrote. */
  written: z.number().int(),
  /** Changes in them. */
  sent: z.number().int(),
  /** Segments from other devices applied. */
  applied: z.number().int(),
  /** Changes in them that changed something here. */
  received: z.number().int(),
  parked: z.number().int(),
  /** Work is left that a call limited to some segments didn't do (the live sync goes on). */
  more: z.boolean(),
  problems: z.array(SyncProblemSchema),
});
export type SyncReport = z.output<typeof SyncReportSchema>;

/**
 * The live sync at work (sent while it runs, then once idle): a progress bar's numbers while a
 * large library is first sent or received, and what went wrong, if anything.
 */
export const SyncEventSchema = z.object({
  type: z.literal('sync'),
  state: z.enum(['syncing', 'idle']),
  /** Sending counts changes written out, receiving counts segments applied; null when idle. */
  phase: z.enum(['sending', 'receiving']).nullable(),
  done: z.number().int(),
  total: z.number().int(),
  /** Why the last sync failed as a whole (the folder is gone…); files skipped are in the status. */
  error: z.string().nullable(),
});
export type SyncEvent = z.output<typeof SyncEventSchema>;
