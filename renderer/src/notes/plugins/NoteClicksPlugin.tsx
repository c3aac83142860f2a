/**
 * Clicks in the note: a mention chip navigates to what it names; a link opens (in the browser
 * or the OS) on Ctrl/Cmd+click only, since a plain click on a link while writing places the caret.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import type { EntityRef } from '../../../../electron/model/links';
import { ENTITY_KINDS } from '../../../../electron/model/links';
import { MENTION_ID_ATTRIBUTE, MENTION_KIND_ATTRIBUTE } from '../nodes/MentionNode';

function mentionRef(element: Element): EntityRef | null {
  const kind = element.getAttribute(MENTION_KIND_ATTRIBUTE);
  const id = element.getAttribute(MENTION_ID_ATTRIBUTE);
  if (!id || !kind || !(ENTITY_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as EntityRef['kind'], id };
}

interface Props {
  onMention: (ref: EntityRef) => void;
  onLink: (href: string) => void;
}

export function NoteClicksPlugin({ onMention, onLink }: Props) {
  const [editor] = useLexicalComposerContext();
  const handlers = useRef({ onMention, onLink });
  useEffect(() => {
    handlers.current = { onMention, onLink };
  });

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!(event.target instanceof Element)) return;
      const chip = event.target.closest(`[${MENTION_KIND_ATTRIBUTE}]`);
      if (chip) {
        const ref = mentionRef(chip);
        if (ref) {
          event.preventDefault();
          handlers.current.onMention(ref);
        }
        return;
      }
      const anchor = event.target.closest('a[href]');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      // Never navigate the app window itself.
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) handlers.current.onLink(anchor.href);
    };
    let root: HTMLElement | null = null;
    const unregister = editor.registerRootListener((next) => {
      root?.removeEventListener('click', onClick);
      root = next;
      root?.addEventListener('click', onClick);
    });
    return () => {
      unregister();
      root?.removeEventListener('click', onClick);
    };
  }, [editor]);
  return null;
}
