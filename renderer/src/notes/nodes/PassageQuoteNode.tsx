/**
 * A passage quoted in a note: a block holding the passage id (the live reference) and the last
 * quote and citation it saw. It shows the passage's current text (see QuotesPlugin); when the
 * passage is gone it shows the stored text and says the source was deleted — the note never breaks.
 */
import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';
import {
  NOTE_NODE_PASSAGE_QUOTE,
  type PassageQuoteNodeJson,
} from '../../../../electron/model/notes';
import { PassageQuoteView } from './PassageQuoteView';

export type SerializedPassageQuoteNode = Spread<
  Omit<PassageQuoteNodeJson, 'type' | 'version'>,
  SerializedLexicalNode
>;

export class PassageQuoteNode extends DecoratorNode<JSX.Element> {
  __passageId: string;
  __quote: string;
  __citation: string;

  static override getType(): string {
    return NOTE_NODE_PASSAGE_QUOTE;
  }

  static override clone(node: PassageQuoteNode): PassageQuoteNode {
    return new PassageQuoteNode(node.__passageId, node.__quote, node.__citation, node.__key);
  }

  static override importJSON(json: SerializedPassageQuoteNode): PassageQuoteNode {
    // Documents also come from the CLI and from Markdown: tolerate missing text fields.
    return $createPassageQuoteNode(
      String(json.passageId),
      typeof json.quote === 'string' ? json.quote : '',
      typeof json.citation === 'string' ? json.citation : '',
    );
  }

  constructor(passageId: string, quote: string, citation: string, key?: NodeKey) {
    super(key);
    this.__passageId = passageId;
    this.__quote = quote;
    this.__citation = citation;
  }

  override exportJSON(): SerializedPassageQuoteNode {
    return {
      type: NOTE_NODE_PASSAGE_QUOTE,
      version: 1,
      passageId: this.getPassageId(),
      quote: this.getQuote(),
      citation: this.getCitation(),
    };
  }

  getPassageId(): string {
    return this.getLatest().__passageId;
  }
  getQuote(): string {
    return this.getLatest().__quote;
  }
  getCitation(): string {
    return this.getLatest().__citation;
  }

  /** Keeps the stored copy in step with the passage (a corrected quote, a changed title). */
  setSource(quote: string, citation: string): this {
    const writable = this.getWritable();
    writable.__quote = quote;
    writable.__citation = citation;
    return writable;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const div = document.createElement('div');
    div.className = 'note-quote-block';
    return div;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const quote = document.createElement('blockquote');
    quote.textContent = this.getQuote();
    if (this.getCitation()) {
      const cite = document.createElement('cite');
      cite.textContent = this.getCitation();
      quote.append(document.createElement('br'), cite);
    }
    return { element: quote };
  }

  override getTextContent(): string {
    return `${this.getQuote()}\n\n`;
  }

  override isInline(): false {
    return false;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override decorate(): JSX.Element {
    return (
      <PassageQuoteView
        nodeKey={this.getKey()}
        passageId={this.__passageId}
        quote={this.__quote}
        citation={this.__citation}
      />
    );
  }
}

export function $createPassageQuoteNode(
  passageId: string,
  quote = '',
  citation = '',
): PassageQuoteNode {
  return $applyNodeReplacement(new PassageQuoteNode(passageId, quote, citation));
}

export function $isPassageQuoteNode(
  node: LexicalNode | null | undefined,
): node is PassageQuoteNode {
  return node instanceof PassageQuoteNode;
}
