import { describe, expect, it } from 'vitest';
import { isAdLine, isChromeLine, isLinkOutLine, isWidgetLine } from './chrome';

describe('chrome lines', () => {
  it.each([
    'Send to',
    'Share',
    'SHARE',
    'Print',
    'Listen',
    'Listen to this article',
    'Subscribe',
    'Read more',
    'A A',
    'A+ A-',
    'Share this: Twitter Facebook',
    'Share | Print | Email',
    'Comments 12',
    'Like Loading...',
    '\u200bSend\u00a0to',
    '공유하기',
    '글자크기 인쇄',
    '5 min read',
    '·',
    '--',
    '|',
    '***',
  ])('widget: %j', (line) => {
    expect(isWidgetLine(line)).toBe(true);
    expect(isChromeLine(line)).toBe(true);
  });

  it.each([
    'Advertisement',
    'ADVERTISEMENT',
    'Story continues below advertisement',
    'Scroll to continue',
    '광고',
  ])('ad slot: %j', (line) => {
    expect(isAdLine(line)).toBe(true);
  });

  it.each([
    'Share prices rose 5% on Monday.',
    'Print media is in decline',
    'Listen carefully.',
    'A',
    '12',
    'Advertisement revenue fell by a third.',
    'Send to Siberia',
    '',
    'Share '.repeat(40),
    '🎉',
  ])('not a widget line: %j', (line) => {
    // "A" alone is a font-size button; everything else here is prose or too long.
    expect(isChromeLine(line)).toBe(line === 'A');
  });

  it('link-outs need a label, a colon and a target', () => {
    expect(isLinkOutLine('Related: EU lawmakers back right-to-repair rules')).toBe(true);
    expect(isLinkOutLine('READ MORE: How to extend your battery life')).toBe(true);
    expect(isLinkOutLine('관련기사: 전기차 보조금 개편')).toBe(true);
    expect(isLinkOutLine('Related:')).toBe(false);
    expect(isLinkOutLine('Related reading is listed below.')).toBe(false);
  });
});
