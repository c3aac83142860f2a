import type { LibraryEvent } from '../../../electron/model/events';
import { affects, type ChangeFilter } from '../../../electron/model/changes';

/** Whether a library event is a change that may alter what `filter` describes (always, when `all`). */
export function touches(event: LibraryEvent, filter: ChangeFilter): boolean {
  return event.type === 'changed' && affects(event, filter);
}
