/**
 * A PDF's outline (its bookmarks) as a flat list in reading order, each entry with its depth and
 * the index of the page it goes to. Walked without recursion and cut at MAX_CONTENTS_ENTRIES
 * (a hostile file may nest or list without end); an entry whose destination names no page
 * (a web link, a missing named destination, a broken reference) is skipped.
 */
import { MAX_CONTENTS_ENTRIES } from '../../../model/contents';

interface OutlineNode {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineNode[];
}

/** The part of pdf.js's document the outline needs. */
export interface OutlineSource {
  getOutline(): Promise<OutlineNode[] | null>;
  getDestination(id: string): Promise<unknown[] | null>;
  getPageIndex(ref: { num: number; gen: number }): Promise<number>;
  numPages: number;
}

export interface OutlineEntry {
  title: string;
  level: number;
  /** 0-based. */
  pageIndex: number;
}

export async function readOutline(doc: OutlineSource): Promise<OutlineEntry[]> {
  const top = await doc.getOutline().catch(() => null);
  if (!top?.length) return [];
  const out: OutlineEntry[] = [];
  const stack = top.map((node) => ({ node, level: 1 })).reverse();
  // Each entry costs a destination lookup at most: bound the visits too, not only the output.
  let visits = 0;
  while (stack.length && out.length < MAX_CONTENTS_ENTRIES && visits++ < 4 * MAX_CONTENTS_ENTRIES) {
    const { node, level } = stack.pop()!;
    const pageIndex = await pageOf(doc, node.dest);
    const title = typeof node.title === 'string' ? node.title.replace(/\s+/g, ' ').trim() : '';
    if (pageIndex !== null && title) out.push({ title, level, pageIndex });
    const items = Array.isArray(node.items) ? node.items : [];
    for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i]!, level: level + 1 });
  }
  return out;
}

async function pageOf(doc: OutlineSource, dest: OutlineNode['dest']): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const target = Array.isArray(explicit) ? explicit[0] : null;
    let index: number | null = null;
    if (typeof target === 'number') index = target;
    else if (target && typeof target === 'object' && 'num' in target && 'gen' in target)
      index = await doc.getPageIndex(target as { num: number; gen: number });
    return index !== null && Number.isInteger(index) && index >= 0 && index < doc.numPages
      ? index
      : null;
  } catch {
    return null;
  }
}
