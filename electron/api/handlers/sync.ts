import type { Library } from '../../core/library';
import { initSync, syncDevices, syncNow, syncStatus } from '../../core/sync/engine';
import type { LiveSync } from '../../core/sync/live';
import type { Handlers } from './types';

export function syncHandlers(library: Library, live: LiveSync | null) {
  const { db } = library;
  return {
    'sync.init': ({ folder, name }) => {
      const status = initSync(db, { folder, name });
      live?.refresh(); // watch the folder from now on
      return status;
    },
    'sync.now': () => syncNow(db),
    'sync.status': () => syncStatus(db),
    'sync.devices': () => syncDevices(db),
  } satisfies Partial<Handlers>;
}
