import type { LibraryEvent } from '../../../electron/api/contract';

/** Whether a change event may have touched any of these entities ('articles' = refresh everything). */
export function touches(event: LibraryEvent, entities: readonly string[]): boolean {
  if (event.type !== 'changed') return false;
  return event.entities.some((entity) => entity === 'articles' || entities.includes(entity));
}
