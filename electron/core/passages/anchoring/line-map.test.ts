import { describe, expect, it } from 'vitest';
import { LineMap } from './line-map';

const OLD = [
  'Title',
  '',
  'First paragraph here.',
  '',
  'Second paragraph, the one with the passage.',
  '',
  'Third.',
].join('\n');

describe('LineMap', () => {
  it('maps every offset of an unchanged text to itself', () => {
    const map = new LineMap(OLD, OLD);
    for (const at of [0, 5, 10, OLD.length - 1, OLD.length])
      expect(map.map(at)).toEqual({ offset: at, exact: true });
  });

  it('shifts offsets after an inserted paragraph exactly', () => {
    const inserted = 'A note.\n\n';
    const text = OLD.replace('First paragraph', inserted + 'First paragraph');
    const map = new LineMap(OLD, text);
    const at = OLD.indexOf('the passage');
    expect(map.map(at)).toEqual({ offset: at + inserted.length, exact: true });
    expect(map.map(OLD.indexOf('Title'))).toEqual({ offset: 0, exact: true });
  });

  it('follows a paragraph that moved', () => {
    const text = [
      'Title',
      '',
      'Second paragraph, the one with the passage.',
      '',
      'First paragraph here.',
      '',
      'Third.',
    ].join('\n');
    const map = new LineMap(OLD, text);
    expect(map.map(OLD.indexOf('the passage'))).toEqual({
      offset: text.indexOf('the passage'),
      exact: true,
    });
  });

  it('estimates offsets inside an edited paragraph from the unchanged one before it', () => {
    const text = OLD.replace('Second paragraph, the one', 'Second paragraph (edited), the one');
    const map = new LineMap(OLD, text);
    const start = OLD.indexOf('Second');
    expect(map.map(start + 3)).toEqual({ offset: text.indexOf('Second') + 3, exact: false });
  });

  it('tells which new text was copied unchanged from where', () => {
    const text = OLD.replace('Third.', 'Third, revised.');
    const map = new LineMap(OLD, text);
    const at = text.indexOf('the one');
    expect(map.unchangedSource(at, at + 7)).toEqual({
      start: OLD.indexOf('the one'),
      end: OLD.indexOf('the one') + 7,
    });
    expect(map.unchangedSource(text.indexOf('revised'), text.indexOf('revised') + 3)).toBeNull();
  });

  it('copes with empty texts on either side', () => {
    expect(new LineMap('', OLD).map(0)).toEqual({ offset: 0, exact: false });
    expect(new LineMap(OLD, '').map(20)).toEqual({ offset: 0, exact: false });
  });
});
