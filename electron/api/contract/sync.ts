/**
 * Sync through a folder (core/sync/README.md). Open to web mode too (its Settings → Sync takes a
 * path): web mode answers only on 127.0.0.1 to the one-run token's holder, who can read the whole
 * library anyway, and these calls read only files of Commonplace's own format in that folder and
 * write only new files there (never overwriting one), so a path can't be used to read or replace
 * the machine's files. Runtime-neutral.
 */
import { z } from 'zod';
import { DeviceName, SyncDeviceSchema, SyncReportSchema, SyncStatusSchema } from '../../model/sync';
import { call } from './call';

const Folder = z
  .string()
  .min(1, 'folder is empty')
  .max(4096, 'folder is longer than 4,096 characters');

export const syncContract = {
  'sync.init': call({
    summary:
      "Set up sync with a folder and name this device: join the library the folder holds, or make the empty folder this library's.",
    input: z.object({ folder: Folder, name: DeviceName }),
    output: SyncStatusSchema,
    mutates: true,
    exposure: 'client',
  }),
  'sync.now': call({
    summary:
      'Send local changes to the folder and apply every change other devices put there since the last sync.',
    input: z.object({}),
    output: SyncReportSchema,
    mutates: true,
    exposure: 'client',
  }),
  'sync.status': call({
    summary:
      'Last sync, changes waiting to go out and to come in, parked changes, devices seen, files skipped.',
    input: z.object({}),
    output: SyncStatusSchema,
    mutates: false,
    exposure: 'client',
  }),
  'sync.devices': call({
    summary: 'The devices that write to the sync folder, with their names and last write.',
    input: z.object({}),
    output: z.array(SyncDeviceSchema),
    mutates: false,
    exposure: 'client',
  }),
} as const;
