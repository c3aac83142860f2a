/**
 * Class names Lexical puts on the reader's DOM. The styles live in theme/reader.css; keeping the
 * names here (not inline styles) keeps the strict CSP and lets the OS theme switch them.
 */
import type { EditorThemeClasses } from 'lexical';

export const readerTheme = {
  root: 'rd-body',
  paragraph: 'rd-p',
  quote: 'rd-quote',
  caption: 'rd-caption',
  figureText: 'rd-figure-text',
  image: 'rd-image',
  codeBlock: 'rd-code-block',
  heading: {
    h1: 'rd-h rd-h1',
    h2: 'rd-h rd-h2',
    h3: 'rd-h rd-h3',
    h4: 'rd-h rd-h4',
    h5: 'rd-h rd-h5',
    h6: 'rd-h rd-h6',
  },
  list: { ul: 'rd-list rd-ul', ol: 'rd-list rd-ol', listitem: 'rd-li' },
  link: 'rd-link',
  text: { bold: 'rd-bold', italic: 'rd-italic', code: 'rd-code' },
  mark: 'rd-mark',
  markOverlap: 'rd-mark-overlap',
} satisfies EditorThemeClasses;

/** A custom node's class from the theme (the theme type is open-ended, so check it is a string). */
export function themeClass(theme: EditorThemeClasses, key: string): string | undefined {
  const value: unknown = theme[key];
  return typeof value === 'string' ? value : undefined;
}
