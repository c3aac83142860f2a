import type { Library } from '../../core/library';
import { initSync, syncDevices, syncNow, syncStatus } from '../../core/sync/engine';
import type { Handlers } from './types';

export function syncHandlers(library: Library) {
  const { db } = library;
  return {
    'sync.init': ({ folder, name }) => initSync(db, { folder, name }),
    'sync.now': () => syncNow(db),
    'sync.status': () => syncStatus(db),
    'sync.devices': () => syncDevices(db),
  } satisfies Partial<Handlers>;
}
