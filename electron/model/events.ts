/** Events pushed to every client: the library changed (from any process), or a job moved on. */
import { z } from 'zod';
import { ImportResultSchema } from './articles';
import { ChangedEventSchema } from './changes';
import { ImportProgressEventSchema, ImportReportEventSchema } from './bulkImport';
import { BulkProgressEventSchema } from './library';
import { SyncEventSchema } from './sync';

/** The desktop menu's File → Export…: the page opens its export dialog. */
export const ExportOpenEventSchema = z.object({ type: z.literal('open-export') });

/** The desktop menu's File → Settings…: the page opens its settings dialog. */
export const SettingsOpenEventSchema = z.object({ type: z.literal('open-settings') });

/** The desktop menu's Help → Keyboard Shortcuts: the page opens its shortcuts sheet. */
export const ShortcutsOpenEventSchema = z.object({ type: z.literal('open-shortcuts') });

/** The desktop menu's View → Hide/Show Library: the page collapses or restores its library pane. */
export const LibraryToggleEventSchema = z.object({ type: z.literal('toggle-library') });

/** Sent by the desktop app when a commonplace:// link is opened: the window goes to that thing. */
export const NavigateEventSchema = z.object({
  type: z.literal('navigate'),
  target: z.object({ kind: z.enum(['passage', 'article', 'note']), id: z.string() }),
});

/**
 * Desktop only: saving a note as the window closed failed, the person chose Retry in the main
 * process's dialog; the page saves again (saveNoteSync) and lets the window close if that worked.
 */
export const RetrySaveEventSchema = z.object({ type: z.literal('retry-save') });

export const LibraryEventSchema = z.discriminatedUnion('type', [
  ChangedEventSchema,
  /** Sent after an import the client didn't start itself (native menu), so it can report failures. */
  z.object({ type: z.literal('import-finished'), results: z.array(ImportResultSchema) }),
  ImportProgressEventSchema,
  ImportReportEventSchema,
  BulkProgressEventSchema,
  ExportOpenEventSchema,
  SettingsOpenEventSchema,
  ShortcutsOpenEventSchema,
  LibraryToggleEventSchema,
  NavigateEventSchema,
  RetrySaveEventSchema,
  SyncEventSchema,
]);
export type LibraryEvent = z.output<typeof LibraryEventSchema>;
