/**
 * The sanitiser of imported pages (purify.ts, DOMPurify's walk on a linkedom tree) against
 * DOMPurify itself on jsdom (sanitize.ts's `sanitizeInPlace`, the same configuration): on hostile
 * markup — mXSS shapes, namespace confusion, markup in comments and attributes, dangerous URLs,
 * forbidden containers — and on the whole body of every real and generated test page, both leave
 * the same tree (compared as parse5 writes it) and the same `Body`.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { decodeText, sniffHtmlCharset } from '../decode';
import { generatedPages, realPages } from '../fixtures/pages';
import { sanitizeInPlace, sanitizeTree } from './sanitize';
import { domToBlocks } from './toBody';
import { parsePage } from './tree';

const HOSTILE = [
  '<p onclick="alert(1)" style="color:red">styled <b onmouseover=x>bold</b></p>',
  '<a href="javascript:alert(1)">js</a> <a href=" jAvAsCrIpT:alert(2)">js2</a> <a href="java&#x09;script:alert(3)">tab</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a> <a href="vbscript:x">vb</a> <a href="mailto:a@b.c">mail</a> <a href="tel:123">tel</a>',
  '<a href="  https://example.org/x  ">padded</a> <a href="/relative">rel</a> <a href="#frag">frag</a> <a href="">empty</a>',
  '<a href="https://x.org/" title="--&gt;">t</a><a href="https://y.org/?q=</style>">breakout</a><a href="/a/>">self</a>',
  '<svg><p>in svg</p><style><img src=x onerror=alert(1)></style></svg><p>after</p>',
  '<math><mi><b>mi bold</b></mi><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><p>tail</p>',
  '<noembed><img src=x onerror=alert(1)></noembed><noframes>nf</noframes><xmp><b>x</b></xmp>',
  '<p>a &lt;b&gt; c<!-- a comment --></p><code>Vec&lt;T&gt;<!--x--></code><span>x &lt;/y<!---></span>',
  '<div><!-- <b> --><!-- </p> --><p>kept</p><!----><!-- plain --></div>',
  '<template><p>hidden</p></template><textarea><b>t</b></textarea><select><option>o</option></select>',
  '<iframe srcdoc="<script>alert(1)</script>">if</iframe><object data=x>obj</object><embed src=y>',
  '<table><tr><td>cell<p>in</p></td></tr><caption>cap</caption><thead><tr><th>h</th></tr></thead></table>',
  '<ul><li>one<ul><li>two</li></ul></li></ul><dl><dt>t</dt><dd>d</dd></dl><details><summary>s</summary>x</details>',
  '<figure><img src=a.png alt="A bridge"><figcaption>cap</figcaption></figure><p>x <img alt="smile"> y</p>',
  '<ruby>漢<rt>かん</rt><rp>(</rp></ruby><math><annotation encoding="TeX">x^2</annotation></math>',
  '<custom-el>custom</custom-el><font color=red>font</font><center>c</center><blink>b</blink>',
  '<p id="x" name="y" class="caption wp-caption-text" data-x="1" aria-label="z" for="q">attrs</p>',
  '<a href="https://e.org/" class="a" CLASS="b" HREF="/dup">dup</a><A HREF="HTTPS://E.ORG/">upper</A>',
  '<p>x</p><?php echo 1 ?><p>y</p><![CDATA[ z ]]><p>w</p>',
  '<div><svg><foreignObject><p>fo</p></foreignObject><a href="https://e.org/">svg a</a></svg></div>',
  '<style>p{}</style><script>alert(1)</script><link rel=stylesheet href=x><meta http-equiv=refresh content=0>',
  '<p>nb&nbsp;sp &amp; amp &quot; quot</p><pre>  pre\n  text &lt;x&gt;</pre>',
  '<b><i>mis</b>nested</i><p><div>block in p</div></p><a href=1><a href=2>nested a</a></a>',
];

const quiet = (): VirtualConsole => new VirtualConsole();

function viaDomPurify(html: string): { tree: string; text: string } {
  const { window } = new JSDOM(html, { virtualConsole: quiet() });
  try {
    const doc = window.document;
    const root = doc.createElement('div');
    while (doc.body.firstChild) root.appendChild(doc.body.firstChild);
    sanitizeInPlace(window, root);
    return { tree: root.innerHTML, text: JSON.stringify(domToBlocks(root)) };
  } finally {
    window.close();
  }
}

function viaPurify(html: string): { tree: string; text: string } {
  const doc = parsePage(html).document;
  const root = doc.createElement('div');
  while (doc.body.firstChild) root.appendChild(doc.body.firstChild);
  sanitizeTree(root);
  return { tree: root.innerHTML, text: JSON.stringify(domToBlocks(root)) };
}

describe('purify.ts sanitises as DOMPurify does', () => {
  it('on hostile markup, one snippet at a time', () => {
    for (const snippet of HOSTILE) {
      const html = `<!DOCTYPE html><html><body>${snippet}</body></html>`;
      expect(viaPurify(html), snippet).toEqual(viaDomPurify(html));
    }
  });

  it('on all the hostile snippets in one page', () => {
    const html = `<!DOCTYPE html><html><body>${HOSTILE.join('\n')}</body></html>`;
    expect(viaPurify(html)).toEqual(viaDomPurify(html));
  });

  const pages = [...realPages(), ...generatedPages()].filter((p) => p.bytes.length < 1_500_000);
  for (const page of pages) {
    it(`on the whole body of ${page.name}`, { timeout: 180_000 }, () => {
      const html = decodeText(page.bytes, page.name, {
        declaredCharset: sniffHtmlCharset(page.bytes),
      });
      expect(viaPurify(html)).toEqual(viaDomPurify(html));
    });
  }
});
