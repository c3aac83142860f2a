/**
 * The lead photo's caption on a real news article (the team's shared Korea Herald article,
 * electron/test/sharedArticle.ts): its text laid out in the markups sites use for a lead photo —
 * the Korea Herald's own (a table with the image and a `view_con_caption` cell, as its calibre
 * recipe records), MediaWiki's `thumbcaption`, a `<figure>`, and a bare paragraph ending in the
 * photo credit. Each time the caption is a caption block, not the body's first paragraph.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../model/body';
import { SHARED_ARTICLE } from '../../../test/sharedArticle';
import { parseHtml } from './parse';

const lines = readFileSync(SHARED_ARTICLE, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const [, title, subtitle, dateline, leadCaption, ...rest] = lines as [string, ...string[]];
const secondCaption = rest.find((l) => l.startsWith("Russia's President Vladimir Putin (left)"));
const paragraphs = rest.filter((l) => l !== secondCaption && !/\(Pool Photo via/.test(l));
const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const LAYOUTS: Record<string, (caption: string, alt: string) => string> = {
  'the Korea Herald’s table and view_con_caption cell': (caption, alt) =>
    `<table class="view_con_img" align="center"><tr><td><img src="/photo.jpg" alt="${alt}"></td></tr><tr><td class="view_con_caption">${esc(caption)}</td></tr></table>`,
  'MediaWiki’s thumbcaption': (caption, alt) =>
    `<div class="thumb tright"><div class="thumbinner"><a href="/wiki/File:Photo.jpg" class="image"><img src="/photo.jpg" alt="${alt}" class="thumbimage"></a><div class="thumbcaption">${esc(caption)}</div></div></div>`,
  'a figure and figcaption': (caption, alt) =>
    `<figure class="lead"><img src="/photo.jpg" alt="${alt}"><figcaption>${esc(caption)}</figcaption></figure>`,
  'a bare paragraph under the image, ending in the photo credit': (caption) =>
    `<div class="img-wrap"><img src="/photo.jpg" alt=""></div><p>${esc(caption)}</p>`,
};

function newsPage(photo: (caption: string, alt: string) => string): string {
  const body = paragraphs.map((p) => `<p>${esc(p)}</p>`);
  const second = secondCaption ? photo(secondCaption, 'Putin and Kim at the cosmodrome') : '';
  body.splice(16, 0, second);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title ?? '')}</title></head><body>
<div class="header"><ul class="gnb"><li><a href="/">National</a></li><li><a href="/">Business</a></li></ul></div>
<div class="main">
<h1 class="view_tit">${esc(title ?? '')}</h1>
<h2 class="view_tit_sub">${esc(subtitle ?? '')}</h2>
<div class="view_tit_byline">${esc(dateline ?? '')}</div>
<div class="view_con" id="articleText">
${photo(leadCaption ?? '', 'Putin and Kim shaking hands')}
${body.join('\n')}
</div></div></body></html>`;
}

describe('HTML: a lead photo caption is a caption block (a real news article)', () => {
  it.each(Object.entries(LAYOUTS))('%s', (_, photo) => {
    const a = parseHtml(new TextEncoder().encode(newsPage(photo)), 'putin.html');
    expect(a.title).toBe(title);
    const blocks = a.body.blocks;
    const first = blocks[0];
    expect(first?.type).toBe('caption');
    expect(first && blockText(first)).toBe(leadCaption);
    const opening = blocks.find((b) => b.type === 'paragraph');
    expect(opening && blockText(opening)).toMatch(/^The leaders of Russia and North Korea/);
    // The caption's image says nothing more: its alt text is not a second caption.
    expect(blocks.filter((b) => blockText(b) === 'Putin and Kim shaking hands')).toEqual([]);
  });

  it('the site caption under a photo further down is a caption block too', () => {
    const a = parseHtml(
      new TextEncoder().encode(
        newsPage(LAYOUTS['the Korea Herald’s table and view_con_caption cell'] as never),
      ),
      'putin.html',
    );
    const second = a.body.blocks.find((b) => blockText(b) === secondCaption);
    expect(second?.type).toBe('caption');
  });

  it('keeps a first paragraph that only mentions a file in brackets as a paragraph', () => {
    const page = `<!DOCTYPE html><html><head><title>Notes</title></head><body><article><h1>Notes</h1>
<p>Save the settings before you quit (they live in the config file)</p>
${paragraphs
  .slice(0, 6)
  .map((p) => `<p>${esc(p)}</p>`)
  .join('')}</article></body></html>`;
    const a = parseHtml(new TextEncoder().encode(page), 'notes.html');
    expect(a.body.blocks[0]?.type).toBe('paragraph');
  });
});
