/**
 * The note editor's class names: the reader's typography (rd-*) plus what only notes have
 * (checklists, underline, tables, links). Styles live in theme/reader.css and theme/notes.css.
 */
import type { EditorThemeClasses } from 'lexical';
import { readerTheme } from '../reader/readerTheme';

export const noteTheme = {
  ...readerTheme,
  root: 'rd-body nt-body',
  list: {
    ...readerTheme.list,
    listitemChecked: 'nt-li-checked',
    listitemUnchecked: 'nt-li-unchecked',
    nested: { listitem: 'nt-li-nested' },
  },
  link: 'rd-link nt-link',
  text: {
    ...readerTheme.text,
    underline: 'nt-underline',
    strikethrough: 'nt-strike',
    underlineStrikethrough: 'nt-underline nt-strike',
  },
  table: 'nt-table',
  tableCell: 'nt-td',
  tableCellHeader: 'nt-th',
  tableRow: 'nt-tr',
} satisfies EditorThemeClasses;
