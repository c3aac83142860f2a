import { useEffect, useState } from 'react';
import type { ExportOptions } from '../../../electron/model/export';
import type { Output } from '../../../electron/api/contract';
import { invoke } from '../api/client';
import { errorText } from '../api/errors';

export const PREVIEW_EXCERPTS = 5;
const DEBOUNCE_MS = 250;

export type PreviewState =
  | { status: 'loading' }
  | { status: 'ready'; preview: Output<'export.preview'> }
  | { status: 'error'; message: string };

/** The first excerpts rendered as the chosen format, refreshed (debounced) as the choices change. */
export function useExportPreview(options: ExportOptions, enabled: boolean): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'loading' });
  const key = JSON.stringify(options);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const timer = setTimeout(() => {
      invoke('export.preview', {
        ...(JSON.parse(key) as ExportOptions),
        limit: PREVIEW_EXCERPTS,
      }).then(
        (preview) => live && setState({ status: 'ready', preview }),
        (error: unknown) => live && setState({ status: 'error', message: errorText(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, enabled]);
  return state;
}
