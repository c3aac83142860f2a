export { parseMarkdown, readMarkdown, type MarkdownImport } from './parse';
