import type { Library } from '../../core/library';
import type { Handlers } from './types';
import { onFirstUse } from '../onFirstUse';

/*
 * Loaded on use: citeproc and the styles' XML reader (jsdom) are weight no other call needs
 * (electron/cli/startup.test.ts).
 */
const passages = onFirstUse(() => import('../../core/citations/passage'));
const styles = onFirstUse(() => import('../../core/citations/userStyles'));

export function citationsHandlers(library: Library) {
  const { db } = library;
  return {
    'citations.passage': async ({ id, style, form }) =>
      (await passages()).passageCitation(db, id, style, form),
    'citations.styles': async () => (await styles()).listCitationStyles(db),
    'citations.addStyle': async ({ fileName, text }) =>
      (await styles()).addCitationStyle(db, fileName, text),
    'citations.removeStyle': async ({ id }) => (await styles()).removeCitationStyle(db, id),
  } satisfies Partial<Handlers>;
}
