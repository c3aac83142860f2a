import { useEffect, useRef } from 'react';
import { matchesShortcut, type ShortcutId } from './shortcuts';

/**
 * Runs `handler` when one of the shortcuts (app/shortcuts.ts) is pressed anywhere in the window,
 * unless something before it took the key (`defaultPrevented`). The key is taken (default
 * prevented) unless the handler returns false: it leaves the key to whoever comes next.
 */
export function useShortcut(
  ids: ShortcutId | readonly ShortcutId[],
  handler: (event: KeyboardEvent, id: ShortcutId) => boolean | void,
  enabled = true,
): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  // One listener per set of ids, not per render.
  const list = typeof ids === 'string' ? ids : ids.join(' ');
  useEffect(() => {
    if (!enabled) return;
    const wanted = list.split(' ') as ShortcutId[];
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const id = wanted.find((candidate) => matchesShortcut(event, candidate));
      if (id === undefined || latest.current(event, id) === false) return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [list, enabled]);
}
