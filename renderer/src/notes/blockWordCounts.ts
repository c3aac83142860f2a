/**
 * The note's word count, kept cheap for long notes: a count per top-level block, recounted only
 * for the blocks an update dirtied (one paragraph per keystroke instead of 10,000 words).
 * Lexical doesn't clone a paragraph when text inside it changes, so the cache is keyed by node
 * key and invalidated from the update's dirty keys, not by node identity.
 */
import { $getNodeByKey, $getRoot, $isRootNode, type NodeKey } from 'lexical';
import { countWords } from './wordCount';

export class BlockWordCounts {
  private readonly counts = new Map<NodeKey, number>();

  constructor(private readonly count: (text: string) => number = countWords) {}

  /** Inside a read of the current state: forget the blocks holding these (dirty) nodes. */
  $invalidate(keys: Iterable<NodeKey>): void {
    for (const key of keys) {
      this.counts.delete(key);
      const node = $getNodeByKey(key);
      if (!node || $isRootNode(node)) continue;
      const top = node.getTopLevelElement();
      if (top) this.counts.delete(top.getKey());
    }
  }

  /** Inside a read: the total, counting only blocks not known yet. */
  $count(): number {
    let total = 0;
    const seen = new Set<NodeKey>();
    for (const block of $getRoot().getChildren()) {
      const key = block.getKey();
      seen.add(key);
      let words = this.counts.get(key);
      if (words === undefined) {
        words = this.count(block.getTextContent());
        this.counts.set(key, words);
      }
      total += words;
    }
    // Blocks that are gone: dropped so the map doesn't grow with every deleted paragraph.
    if (this.counts.size > seen.size)
      for (const key of this.counts.keys()) if (!seen.has(key)) this.counts.delete(key);
    return total;
  }
}
