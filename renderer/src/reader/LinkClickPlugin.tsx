import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

/**
 * Stops links in the article from navigating the app window (left click, middle click, Enter
 * on a focused link, which the browser turns into a click) and hands their URL on instead.
 */
export function LinkClickPlugin({ onLink }: { onLink: (href: string) => void }) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const handle = (event: MouseEvent) => {
      if (!(event.target instanceof Element)) return;
      const anchor = event.target.closest('a[href]');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      if (event.type === 'click' || event.button === 1) onLink(anchor.href);
    };
    let root: HTMLElement | null = null;
    const attach = (next: HTMLElement | null) => {
      root?.removeEventListener('click', handle);
      root?.removeEventListener('auxclick', handle);
      root = next;
      root?.addEventListener('click', handle);
      root?.addEventListener('auxclick', handle);
    };
    const unregister = editor.registerRootListener((next) => attach(next));
    return () => {
      unregister();
      attach(null);
    };
  }, [editor, onLink]);

  return null;
}
