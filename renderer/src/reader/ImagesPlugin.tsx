import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { invoke } from '../api/client';
import { IMAGE_ATTRIBUTE, ImageNode } from './nodes/ImageNode';

/** Pictures already asked for, by sha256: content-addressed, so an answer never goes stale. */
const cache = new Map<string, Promise<string | null>>();
const MAX_CACHED = 200;

function dataUrl(hash: string): Promise<string | null> {
  let answer = cache.get(hash);
  if (!answer) {
    answer = invoke('articles.image', { hash }).then(
      (image) => image.dataUrl,
      () => null,
    );
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(hash, answer);
  }
  return answer;
}

/** Shows `figure`'s picture, or its alt text (class `rd-image-missing`) when it can't be had. */
function fill(figure: HTMLElement): void {
  const hash = figure.getAttribute(IMAGE_ATTRIBUTE);
  const img = figure.querySelector('img');
  if (!hash || !img || img.dataset.for === hash) return;
  img.dataset.for = hash;
  void dataUrl(hash).then((url) => {
    if (img.dataset.for !== hash) return;
    if (url) {
      img.src = url;
      figure.classList.remove('rd-image-missing');
    } else figure.classList.add('rd-image-missing');
  });
}

/**
 * Gives each image block its picture: the API answers with a data: URL (the page's CSP allows
 * images from our own origin and data: only, so nothing remote can ever load).
 */
export function ImagesPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerMutationListener(
        ImageNode,
        (mutations) => {
          for (const [key, kind] of mutations) {
            if (kind === 'destroyed') continue;
            const el = editor.getElementByKey(key);
            if (el) fill(el);
          }
        },
        { skipInitialization: false },
      ),
    [editor],
  );
  return null;
}
