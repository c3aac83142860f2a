/**
 * What a links panel shows for one thing: its incoming links ("Referenced by": links, mentions
 * and quotes in notes) and its outgoing ones, one level deep only, so a cycle (A → B → A) is just
 * one row in each group and never followed further.
 */
import type { EntityRef, LinkEnd, LinkView } from '../../../electron/model/links';
import type { NavTarget } from '../app/navigation';
import { relationLabel } from './relations';

export type Direction = 'incoming' | 'outgoing';

export interface LinkRow {
  key: string;
  link: LinkView;
  direction: Direction;
  /** The relation as it reads ("see also"). */
  relation: string;
  /** Only links made by hand are removed here; mentions and quotes go with the note's text. */
  removable: boolean;
  /** A deleted end is shown struck through, not followed. */
  navigable: boolean;
  /** The row as a sentence, for screen readers and tooltips. */
  sentence: string;
}

export interface LinkGroups {
  incoming: LinkRow[];
  outgoing: LinkRow[];
}

const KIND_NOUN: Record<EntityRef['kind'], string> = {
  article: 'article',
  passage: 'passage',
  note: 'note',
};

function endName(end: LinkEnd): string {
  const label = end.label.trim() || `untitled ${KIND_NOUN[end.ref.kind]}`;
  return `${KIND_NOUN[end.ref.kind]} “${label}”${end.deleted ? ' (deleted)' : ''}`;
}

function rows(links: readonly LinkView[], direction: Direction): LinkRow[] {
  const seen = new Set<string>();
  const out: LinkRow[] = [];
  for (const link of links) {
    // A note that mentions the same thing twice is one reference, not two rows.
    const key =
      link.origin === 'link'
        ? link.id
        : `${link.origin}:${link.relation}:${link.other.ref.kind}:${link.other.ref.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const relation = relationLabel(link.relation);
    out.push({
      key,
      link,
      direction,
      relation,
      removable: link.origin === 'link',
      navigable: !link.other.deleted,
      sentence:
        direction === 'incoming'
          ? `The ${endName(link.other)} ${relation} this`
          : `This ${relation} the ${endName(link.other)}`,
    });
  }
  // Newest first: what was just linked is at the top.
  return out.sort((a, b) =>
    a.link.createdAt < b.link.createdAt ? 1 : a.link.createdAt > b.link.createdAt ? -1 : 0,
  );
}

export function linkGroups(list: {
  incoming: readonly LinkView[];
  outgoing: readonly LinkView[];
}): LinkGroups {
  return { incoming: rows(list.incoming, 'incoming'), outgoing: rows(list.outgoing, 'outgoing') };
}

/** The parts of a looked-up passage that navigation needs. */
export interface PassagePlace {
  articleId: string;
  start: number;
  end: number;
  orphaned: boolean;
  deleted: boolean;
}

/**
 * Where following a link end goes: a note beside the reader, an article, or a passage in its
 * article (scrolled to). An orphaned passage opens its article (there is no place to scroll to);
 * a deleted one goes nowhere.
 */
export function navTargetFor(ref: EntityRef, passage: PassagePlace | null): NavTarget | null {
  switch (ref.kind) {
    case 'article':
      return { kind: 'article', id: ref.id };
    case 'note':
      return { kind: 'note', id: ref.id };
    case 'passage':
      if (!passage || passage.deleted) return null;
      if (passage.orphaned) return { kind: 'article', id: passage.articleId };
      return {
        kind: 'passage',
        id: ref.id,
        articleId: passage.articleId,
        start: passage.start,
        end: passage.end,
      };
  }
}
