import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerLinkSafety } from '../linkSafety';

export function LinkSafetyPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerLinkSafety(editor), [editor]);
  return null;
}
