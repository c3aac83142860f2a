import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capNesting } from './nesting';
import { loadHtml } from './dom';

function maxDepth(html: string): number {
  const dom = loadHtml(html, 'x.html');
  let deepest = 0;
  const stack: Array<[Element, number]> = [[dom.window.document.documentElement, 0]];
  while (stack.length) {
    const [el, d] = stack.pop() as [Element, number];
    deepest = Math.max(deepest, d);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  dom.window.close();
  return deepest;
}

describe('capNesting', () => {
  it('returns ordinary pages unchanged', () => {
    const page = readFileSync(join(__dirname, '..', 'fixtures', 'html', 'article.html'), 'utf8');
    expect(capNesting(page)).toBe(page);
  });

  it('models implied end tags, void and raw-text elements, so flat markup is not mistaken for deep', () => {
    const items = '<li>item'.repeat(500);
    const paragraphs = '<p>para'.repeat(500);
    const rows = '<tr><td>a<td>b'.repeat(500);
    const voids = '<br><img src=x><input>'.repeat(500);
    const script = `<script>${'<div>'.repeat(500)}</script>`;
    const comment = `<!-- ${'<div>'.repeat(500)} -->`;
    const attrs = `<p title="${'<div>'.repeat(500)}">x</p>`;
    const source = `<ul>${items}</ul>${paragraphs}<table>${rows}</table>${voids}${script}${comment}${attrs}`;
    expect(capNesting(source, 50)).toBe(source);
  });

  it('drops start and end tags beyond the limit and keeps their text', () => {
    const deep = `${'<div>'.repeat(1000)}bottom${'</div>'.repeat(1000)}<p>after</p>`;
    const capped = capNesting(deep, 100);
    expect(capped).not.toBe(deep);
    expect(capped).toContain('bottom');
    expect(capped.endsWith('<p>after</p>')).toBe(true);
    expect(maxDepth(capped)).toBeLessThanOrEqual(103); // html, body, then 100 divs
    expect(maxDepth(`${'<b>'.repeat(1000)}x`)).toBeGreaterThan(1000); // what jsdom would have had to build
  });

  it('keeps self-closing SVG children from counting as open elements', () => {
    const svg = `<svg>${'<path d="M0"/>'.repeat(500)}</svg>`;
    expect(capNesting(svg, 10)).toBe(svg);
  });
});
