import type { ExportOptions } from '../../../electron/model/export';
import type { Output } from '../../../electron/api/contract';
import { useLibraryQuery } from '../app/useLibraryQuery';

export const PREVIEW_EXCERPTS = 5;
const DEBOUNCE_MS = 250;

export type PreviewState =
  | { status: 'loading' }
  | { status: 'ready'; preview: Output<'export.preview'> }
  | { status: 'error'; message: string };

/**
 * The first excerpts rendered as the chosen format, refreshed (debounced) as the choices change;
 * the last preview stays until the next one comes.
 */
export function useExportPreview(options: ExportOptions, enabled: boolean): PreviewState {
  const preview = useLibraryQuery(
    'export.preview',
    enabled ? { ...options, limit: PREVIEW_EXCERPTS } : null,
    null,
    { debounceMs: DEBOUNCE_MS, keepPrevious: true },
  );
  if (preview.error) return { status: 'error', message: preview.error.message };
  if (preview.data) return { status: 'ready', preview: preview.data };
  return { status: 'loading' };
}
