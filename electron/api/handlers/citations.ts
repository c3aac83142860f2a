import { passageCitation } from '../../core/citations/passage';
import {
  addCitationStyle,
  listCitationStyles,
  removeCitationStyle,
} from '../../core/citations/userStyles';
import type { Library } from '../../core/library';
import type { Handlers } from './types';

export function citationsHandlers(library: Library) {
  const { db } = library;
  return {
    'citations.passage': ({ id, style, form }) => passageCitation(db, id, style, form),
    'citations.styles': () => listCitationStyles(db),
    'citations.addStyle': ({ fileName, text }) => addCitationStyle(db, fileName, text),
    'citations.removeStyle': ({ id }) => removeCitationStyle(db, id),
  } satisfies Partial<Handlers>;
}
