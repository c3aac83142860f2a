import type { CitationStyle, ExportFormat } from '../../../electron/model/export';

export const FORMAT_OPTIONS: ReadonlyArray<{ value: ExportFormat; label: string }> = [
  { value: 'md', label: 'Markdown (.md)' },
  { value: 'obsidian', label: 'Obsidian folder (.zip)' },
  { value: 'csv', label: 'CSV spreadsheet (.csv)' },
  { value: 'json', label: 'Web Annotation JSON (.json)' },
  { value: 'html', label: 'Web page (.html)' },
  { value: 'docx', label: 'Word document (.docx)' },
  { value: 'csljson', label: 'CSL-JSON citations (.json)' },
  { value: 'bibtex', label: 'BibTeX citations (.bib)' },
  { value: 'ris', label: 'RIS citations (.ris)' },
];

export const STYLE_OPTIONS: ReadonlyArray<{ value: CitationStyle | ''; label: string }> = [
  { value: '', label: 'Short' },
  { value: 'apa', label: 'APA 7' },
  { value: 'chicago', label: 'Chicago (author-date)' },
  { value: 'chicago-note', label: 'Chicago (notes and bibliography)' },
  { value: 'mla', label: 'MLA 9' },
];

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;
