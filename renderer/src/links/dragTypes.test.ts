import { describe, expect, it } from 'vitest';
import {
  isPassageDrag,
  PASSAGE_DRAG_TYPE,
  passageIdFromDrag,
  setPassageDrag,
  type DragData,
} from './dragTypes';

/** A DataTransfer's data half, as the browser keeps it: one string per format. */
class Data implements DragData {
  private readonly store = new Map<string, string>();
  get types(): string[] {
    return [...this.store.keys()];
  }
  getData(format: string): string {
    return this.store.get(format) ?? '';
  }
  setData(format: string, data: string): void {
    this.store.set(format, data);
  }
}

const ID = '01890000-0000-7000-8000-000000000001';

describe('passage drags', () => {
  it('carries the passage id, and the quote as plain text for other drop targets', () => {
    const data = new Data();
    setPassageDrag(data, ID, 'a quote');
    expect(isPassageDrag(data)).toBe(true);
    expect(passageIdFromDrag(data)).toBe(ID);
    expect(data.getData('text/plain')).toBe('a quote');
  });

  it('ignores drags of anything else, and malformed ids', () => {
    const text = new Data();
    text.setData('text/plain', ID);
    expect(isPassageDrag(text)).toBe(false);
    expect(passageIdFromDrag(text)).toBeNull();
    expect(passageIdFromDrag(null)).toBeNull();
    const hostile = new Data();
    hostile.setData(PASSAGE_DRAG_TYPE, `${ID}"><script>`);
    expect(passageIdFromDrag(hostile)).toBeNull();
    const empty = new Data();
    empty.setData(PASSAGE_DRAG_TYPE, '');
    expect(passageIdFromDrag(empty)).toBeNull();
  });
});
