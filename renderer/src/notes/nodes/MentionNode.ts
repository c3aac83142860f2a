/**
 * A `[[mention]]`: a live link to an article, passage or note, shown as a chip with the label it
 * had when inserted. A token TextNode (not a decorator) so the caret, selection and copy treat it
 * as one word of the text; the chip is pure CSS.
 */
import {
  $applyNodeReplacement,
  TextNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
} from 'lexical';
import { ENTITY_KINDS, type EntityKind, type EntityRef } from '../../../../electron/model/links';
import { NOTE_NODE_MENTION, type MentionNodeJson } from '../../../../electron/model/notes';
import { titleOrUntitled } from '../../../../electron/model/titles';

export type SerializedMentionNode = Spread<
  Omit<MentionNodeJson, 'type' | 'version'>,
  SerializedTextNode
>;

export const MENTION_KIND_ATTRIBUTE = 'data-mention-kind';
export const MENTION_ID_ATTRIBUTE = 'data-mention-id';

function isKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}

export class MentionNode extends TextNode {
  __ref: EntityRef;

  static override getType(): string {
    return NOTE_NODE_MENTION;
  }

  static override clone(node: MentionNode): MentionNode {
    return new MentionNode(node.__ref, node.__text, node.__key);
  }

  static override importJSON(json: SerializedMentionNode): MentionNode {
    const ref = json.ref as Partial<EntityRef> | undefined;
    const kind = isKind(ref?.kind) ? ref.kind : 'note';
    const label =
      typeof json.label === 'string' ? json.label : typeof json.text === 'string' ? json.text : '';
    const node = $createMentionNode({ kind, id: String(ref?.id ?? '') }, label);
    if (typeof json.format === 'number') node.setFormat(json.format);
    return node;
  }

  constructor(ref: EntityRef, label: string, key?: NodeKey) {
    super(label, key);
    this.__ref = ref;
  }

  override exportJSON(): SerializedMentionNode {
    return {
      ...super.exportJSON(),
      type: NOTE_NODE_MENTION,
      version: 1,
      ref: this.getRef(),
      label: this.getTextContent(),
    };
  }

  getRef(): EntityRef {
    return this.getLatest().__ref;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.classList.add('note-mention', `note-mention-${this.__ref.kind}`);
    dom.setAttribute(MENTION_KIND_ATTRIBUTE, this.__ref.kind);
    dom.setAttribute(MENTION_ID_ATTRIBUTE, this.__ref.id);
    dom.setAttribute('title', `Open ${this.__ref.kind}`);
    return dom;
  }

  override isTextEntity(): true {
    return true;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

export function $createMentionNode(ref: EntityRef, label: string): MentionNode {
  const node = new MentionNode(ref, titleOrUntitled(label));
  node.setMode('token').toggleDirectionless();
  return $applyNodeReplacement(node);
}

export function $isMentionNode(node: LexicalNode | null | undefined): node is MentionNode {
  return node instanceof MentionNode;
}
