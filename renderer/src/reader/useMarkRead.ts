import { useEffect } from 'react';
import { invoke } from '../api/client';

/** An article shown this long counts as read (a glance while moving through the list doesn't). */
export const READ_AFTER_MS = 3000;

/**
 * Marks the open article read once it has been shown for READ_AFTER_MS, unless it is already
 * read (then nothing is written: marking it unread by hand sticks until it is opened again).
 */
export function useMarkRead(articleId: string | null, alreadyRead: boolean): void {
  useEffect(() => {
    if (articleId === null || alreadyRead) return;
    const timer = setTimeout(() => {
      // Failing to mark read is not worth a toast: the next opening tries again.
      invoke('articles.markRead', { ids: [articleId], read: true }).catch(() => undefined);
    }, READ_AFTER_MS);
    return () => clearTimeout(timer);
    // Only a newly opened article counts: its read state changing while open doesn't restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId]);
}
