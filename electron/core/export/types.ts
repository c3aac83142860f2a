/**
 * The export engine's model: a selection resolved into groups of excerpts, each with its source
 * and citation, which every format module turns into bytes (or files).
 */
import type { ExportFormat, ExportOptions, ExportSelection } from '../../model/export';
import type { Passage } from '../../model/passages';
import type { CitableSource } from '../citations/item';
import type { ExportImage } from './images';

/** What a citation or a file header needs to know about a source (an article): its tags too.
 * In an export `source` is the web address only: a local path never leaves the library. */
export interface ExportSource extends CitableSource {
  tags: string[];
}

/** A formatted citation: plain text, and HTML (escaped; only simple inline tags). */
export interface Citation {
  text: string;
  html: string;
}

/** Every format takes one; the default is the short citation, the styled ones come from citeproc. */
export type CitationFn = (source: ExportSource) => Citation;

/** A link between two passages, seen from one of them. */
export interface ExportLink {
  relation: string;
  /** `out`: this passage → other; `in`: other → this passage. */
  direction: 'out' | 'in';
  otherId: string;
  /** The other passage's quote and source, when it is in the library. */
  otherQuote: string | null;
  otherSourceId: string | null;
  otherSourceTitle: string | null;
}

export interface ExportItem {
  passage: Passage;
  source: ExportSource;
  /** The source's full citation: its reference entry in the style, or the short citation. */
  citation: Citation;
  /** With a style: the excerpt's in-text citation, with its page ("(Ji, 2024, p. 3)"). */
  inText: Citation | null;
  links: ExportLink[];
  /** The pictures the excerpt's range covers (images.ts), in order; usually none. */
  images: ExportImage[];
}

/** With a style: the reference list at the end, sorted and disambiguated by the processor. */
export interface ExportReferences {
  /** "References", "Bibliography", "Works Cited": the style's name for it. */
  heading: string;
  /** Whether the style cites in notes (Chicago notes-bibliography) rather than in parentheses. */
  notes: boolean;
  entries: Citation[];
}

export interface ExportGroup {
  kind: 'source' | 'tag';
  /** The source's title or the tag's name ("Untagged" for passages without tags). */
  label: string;
  /** Set when grouping by source. */
  source: ExportSource | null;
  /** The tag, when grouping by tag (null for the untagged group). */
  tag: string | null;
  items: ExportItem[];
}

export interface ExportDocument {
  title: string;
  generatedAt: string;
  selection: ExportSelection;
  groupBy: ExportOptions['groupBy'];
  groups: ExportGroup[];
  /** Each selected passage once, in order (source, then position). */
  items: ExportItem[];
  sources: ExportSource[];
  /** The reference list (with a citation style), or null. */
  references: ExportReferences | null;
  /** Why nothing was selected, or null. */
  message: string | null;
}

export type ExportOutput =
  | { kind: 'file'; fileName: string; mediaType: string; bytes: Uint8Array }
  | { kind: 'folder'; folderName: string; files: ExportFile[] };

export interface ExportFile {
  /** Relative path inside the folder, `/`-separated. */
  path: string;
  bytes: Uint8Array;
}

/** Lets long exports report progress and yield to the event loop between chunks. */
export interface ExportContext {
  /** Call once per excerpt written. */
  tick(): void | Promise<void>;
}

export interface FormatWriter {
  format: ExportFormat;
  /** File (or folder) name extension, without the dot; '' for a folder. */
  extension: string;
  mediaType: string;
  build(doc: ExportDocument, ctx: ExportContext): Promise<ExportOutput>;
  /** Readable text of the output for the live preview (binary formats render an outline). */
  preview(doc: ExportDocument): Promise<string>;
}
