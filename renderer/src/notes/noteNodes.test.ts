// @vitest-environment jsdom
import { $insertDataTransferForRichText } from '@lexical/clipboard';
import { registerRichText } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MentionNodeSchema,
  NoteDocSchema,
  PassageQuoteNodeSchema,
} from '../../../electron/model/notes';
import type { PassageCitation } from '../../../electron/model/passages';
import { docWithQuote, toNoteDoc } from './noteDocs';
import { registerLinkSafety } from './linkSafety';
import { withSanitizedHtml } from './pasteSanitize';
import { noteNodes } from './noteNodes';
import { $createMentionNode, $isMentionNode } from './nodes/MentionNode';
import { $createPassageQuoteNode, $isPassageQuoteNode } from './nodes/PassageQuoteNode';
import { syncQuoteNodes } from './plugins/QuotesPlugin';
import { QuoteLookup } from './quoteLookup';

const P1 = '0190a8e2-1111-7222-8333-444455556666';
const P2 = '0190a8e2-1111-7222-8333-444455557777';
const NOTE = '0190a8e2-1111-7222-8333-444455558888';

const roots: HTMLElement[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) root.remove();
});

function noteEditor(mount = false): LexicalEditor {
  const editor = createEditor({
    namespace: 'test-note',
    nodes: noteNodes,
    onError: (e) => {
      throw e;
    },
  });
  if (mount) {
    const root = document.createElement('div');
    root.contentEditable = 'true';
    document.body.append(root);
    roots.push(root);
    editor.setRootElement(root);
    registerRichText(editor);
    registerLinkSafety(editor);
  }
  return editor;
}

describe('note documents', () => {
  it('round-trip quotes and mentions through JSON in the shapes the contract declares', () => {
    const editor = noteEditor();
    editor.update(
      () => {
        const p = $createParagraphNode().append(
          $createTextNode('See '),
          $createMentionNode({ kind: 'note', id: NOTE }, 'Other note'),
          $createTextNode(' and:'),
        );
        $getRoot()
          .clear()
          .append(
            p,
            $createPassageQuoteNode(P1, 'Russia and North Korea', 'AP, Putin’s visit, 2024-06-18'),
          );
      },
      { discrete: true },
    );
    const doc = toNoteDoc(editor.getEditorState().toJSON());
    expect(NoteDocSchema.safeParse(doc).success).toBe(true);
    const [para, quote] = doc.root.children as [{ children: unknown[] }, unknown];
    expect(PassageQuoteNodeSchema.parse(quote)).toEqual({
      type: 'passage-quote',
      version: 1,
      passageId: P1,
      quote: 'Russia and North Korea',
      citation: 'AP, Putin’s visit, 2024-06-18',
    });
    expect(MentionNodeSchema.parse(para.children[1])).toMatchObject({
      type: 'mention',
      ref: { kind: 'note', id: NOTE },
      label: 'Other note',
    });

    const again = noteEditor();
    again.setEditorState(again.parseEditorState(JSON.stringify(doc)));
    const read = again.getEditorState().read(() => {
      const [p, q] = $getRoot().getChildren();
      const mention = (p as ReturnType<typeof $createParagraphNode>).getChildren()[1];
      return {
        text: $getRoot().getTextContent(),
        quote: $isPassageQuoteNode(q) ? [q.getPassageId(), q.getQuote(), q.getCitation()] : null,
        mention: $isMentionNode(mention)
          ? [mention.getRef(), mention.getTextContent(), mention.getMode()]
          : null,
      };
    });
    expect(read.quote).toEqual([P1, 'Russia and North Korea', 'AP, Putin’s visit, 2024-06-18']);
    expect(read.mention).toEqual([{ kind: 'note', id: NOTE }, 'Other note', 'token']);
    expect(read.text).toContain('See Other note and:');
    expect(JSON.stringify(again.getEditorState().toJSON())).toBe(
      JSON.stringify(editor.getEditorState().toJSON()),
    );
  });

  it('reads the minimal node shapes the core writes (from Markdown or the CLI)', () => {
    const editor = noteEditor();
    const doc = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          { type: 'passage-quote', version: 1, passageId: P2, quote: 'Bare quote', citation: '' },
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [
              {
                type: 'mention',
                version: 1,
                ref: { kind: 'article', id: P1 },
                label: 'An article',
              },
            ],
          },
        ],
      },
    };
    editor.setEditorState(editor.parseEditorState(JSON.stringify(doc)));
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toContain('An article');
  });

  it('a new note made from a quote holds the quote and a paragraph to write in', () => {
    const doc = docWithQuote(P1, 'the quote');
    expect(doc.root.children.map((c) => (c as { type: string }).type)).toEqual([
      'passage-quote',
      'paragraph',
    ]);
  });
});

describe('passage quotes stay live', () => {
  const citation = (id: string, quote: string, deleted = false): PassageCitation =>
    ({
      id,
      articleId: NOTE,
      start: 0,
      end: quote.length,
      quote,
      prefix: '',
      suffix: '',
      color: 'yellow',
      comment: '',
      tags: [],
      orphaned: false,
      createdAt: '',
      updatedAt: '',
      deleted,
      articleTrashed: false,
      article: { id: NOTE, title: 'T', byline: null, published: null, siteName: null },
      citation: 'B, T, 2024',
    }) as unknown as PassageCitation;

  it('looks every quote up in one batch, writes current texts back, keeps the last text of a deleted one', async () => {
    const editor = noteEditor();
    editor.update(
      () =>
        void $getRoot()
          .clear()
          .append(
            $createPassageQuoteNode(P1, 'old text', ''),
            $createPassageQuoteNode(P2, 'kept text', 'old cite'),
          ),
      { discrete: true },
    );
    const calls: string[][] = [];
    let done!: () => void;
    const loaded = new Promise<void>((r) => (done = r));
    const lookup = new QuoteLookup(
      async (ids) => {
        calls.push(ids);
        return [citation(P1, 'corrected text'), citation(P2, 'whatever', true)];
      },
      (sources) => {
        syncQuoteNodes(editor, sources);
        done();
      },
    );
    lookup.want([P1]);
    lookup.want([P2, P1]);
    await loaded;
    expect(calls).toEqual([[P1, P2]]);
    const quotes = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((n) => ($isPassageQuoteNode(n) ? [n.getQuote(), n.getCitation()] : null)),
    );
    expect(quotes).toEqual([
      ['corrected text', 'B, T, 2024'],
      ['kept text', 'old cite'],
    ]);
  });

  it('a passage the library no longer has at all is "gone", and the lookup failing changes nothing', async () => {
    const errors: unknown[] = [];
    let loaded = 0;
    const lookup = new QuoteLookup(
      async () => [],
      () => loaded++,
      (e) => errors.push(e),
    );
    lookup.want([P1]);
    await new Promise((r) => setTimeout(r, 0));
    expect(lookup.get(P1)).toBe('gone');
    const failing = new QuoteLookup(
      async () => {
        throw new Error('server down');
      },
      () => loaded++,
      (e) => errors.push(e),
    );
    failing.want([P2]);
    await new Promise((r) => setTimeout(r, 0));
    expect(failing.get(P2)).toBeUndefined();
    expect(String(errors[0])).toContain('server down');
  });
});

describe('pasting HTML', () => {
  it('keeps text and basic formatting, drops scripts (SVG ones too), styles, handlers and javascript: links', () => {
    const editor = noteEditor(true);
    editor.update(() => $getRoot().clear().append($createParagraphNode()).selectEnd(), {
      discrete: true,
    });
    const html = `<html><head><style>p{color:red} .x{}</style><script>window.__pwned = 1</script></head><body>
      <!--StartFragment--><p class="MsoNormal" onclick="window.__pwned=2"><b>Bold claim</b> from <span style="mso-bidi-font-weight:bold">Word</span></p>
      <img src="x" onerror="window.__pwned=3"><iframe src="https://evil.example"></iframe>
      <p><a href="javascript:window.__pwned=4">click me</a> <a href="https://example.org/">safe link</a></p>
      <script>window.__pwned = 5</script><svg onload="window.__pwned=6"><script>window.__pwned = 7</script><style>p{color:red}</style></svg><!--EndFragment--></body></html>`;
    const data = {
      getData: (type: string) =>
        type === 'text/html' ? html : type === 'text/plain' ? 'Bold claim from Word' : '',
      types: ['text/html', 'text/plain'],
    };
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection))
          $insertDataTransferForRichText(
            withSanitizedHtml(data as unknown as DataTransfer),
            selection,
            editor,
          );
      },
      { discrete: true },
    );
    const json = JSON.stringify(editor.getEditorState().toJSON());
    const dom = editor.getRootElement()!.innerHTML;
    const text = editor.getEditorState().read(() => $getRoot().getTextContent());
    expect(text).toContain('Bold claim from Word');
    expect(text).toContain('click me');
    expect(text).toContain('safe link');
    for (const bad of [
      '__pwned',
      'color:red',
      'onclick',
      'onerror',
      'onload',
      'javascript:',
      '<script',
      '<iframe',
      '<img',
      'evil.example',
    ]) {
      expect(json).not.toContain(bad);
      expect(dom).not.toContain(bad);
    }
    expect(json).toContain('https://example.org/');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
