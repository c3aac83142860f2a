import {
  addToCollection,
  createCollection,
  deleteCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
} from '../../core/collections/repo';
import type { Library } from '../../core/library';
import type { Handlers } from './types';

export function collectionsHandlers(library: Library) {
  const { db } = library;
  return {
    'collections.list': () => listCollections(db),
    'collections.create': ({ name }) => createCollection(db, name),
    'collections.rename': ({ id, name }) => renameCollection(db, id, name),
    'collections.delete': ({ id }) => {
      deleteCollection(db, id);
      return {};
    },
    'collections.add': ({ name, ids }) => addToCollection(db, name, ids),
    'collections.remove': ({ name, ids }) => removeFromCollection(db, name, ids),
  } satisfies Partial<Handlers>;
}
