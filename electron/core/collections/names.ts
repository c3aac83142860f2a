import { MAX_COLLECTION_NAME } from '../../model/library';
import { CommonplaceError } from '../errors';
import { cleanField } from '../text-fields';

/** A collection's display name: NFC, single-spaced, bounded; a clear error when empty or too long. */
export function collectionDisplayName(raw: string): string {
  const name = cleanField(raw, Number.MAX_SAFE_INTEGER);
  if (!name) throw new CommonplaceError('invalid_input', 'collection name is empty');
  if (Array.from(name).length > MAX_COLLECTION_NAME)
    throw new CommonplaceError(
      'invalid_input',
      `collection name is longer than ${MAX_COLLECTION_NAME} characters: "${name.slice(0, 30)}…"`,
    );
  return name;
}

/**
 * Identity of a collection, as of a tag: names differing only in case or normalisation are one.
 * A name that can't be a collection's matches none (a lookup never throws).
 */
export function collectionKey(name: string): string {
  const clean = cleanField(name, Number.MAX_SAFE_INTEGER);
  if (!clean) return '\u0000no-such-collection';
  return clean.normalize('NFKC').toLocaleLowerCase('und').normalize('NFC');
}
