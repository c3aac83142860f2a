import { createState } from 'lexical';

/**
 * The body's own level of a heading, kept on the HeadingNode: the reader shifts levels below the
 * title's h1 and caps them at h6, so the tag alone can't give the level back when saving an edit.
 */
export const bodyHeadingLevel = createState('bodyHeadingLevel', {
  parse: (value: unknown): 1 | 2 | 3 | 4 | 5 | 6 | undefined =>
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6
      ? (value as 1 | 2 | 3 | 4 | 5 | 6)
      : undefined,
});
