import { useEffect } from 'react';
import { signalRendererReady } from '../api/desktop';

/**
 * Tells the desktop app the window listens for events, so it delivers the deep link that launched
 * it (sent before the page had subscribed, it was lost). Call it after every `useLibraryEvents`:
 * effects run in order, children's before their parent's.
 */
export function useRendererReady(): void {
  useEffect(() => signalRendererReady(), []);
}
