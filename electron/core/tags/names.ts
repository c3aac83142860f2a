import { MAX_TAG_LENGTH } from '../../model/tags';
import { CommonplaceError } from '../errors';
import { cleanField } from '../text-fields';

/** A tag's display name: NFC, single-spaced, bounded. Throws a clear error for an empty name. */
export function tagDisplayName(raw: string): string {
  const name = cleanField(raw.replace(/^#+/, ''), Number.MAX_SAFE_INTEGER);
  if (!name) throw new CommonplaceError('invalid_input', 'tag name is empty');
  if (Array.from(name).length > MAX_TAG_LENGTH) {
    throw new CommonplaceError(
      'invalid_input',
      `tag name is longer than ${MAX_TAG_LENGTH} characters: "${name.slice(0, 30)}…"`,
    );
  }
  return name;
}

/** Identity of a tag: names differing only in case or Unicode normalisation are the same tag. */
export function tagKey(name: string): string {
  return tagDisplayName(name).normalize('NFKC').toLocaleLowerCase('und').normalize('NFC');
}

/** The key to look a tag up by; a name that can't be a tag matches nothing instead of throwing. */
export function safeTagKey(name: string): string {
  try {
    return tagKey(name);
  } catch {
    return '\u0000no-such-tag';
  }
}
