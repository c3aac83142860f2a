// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SNIPPET_HIT_CLOSE as C, SNIPPET_HIT_OPEN as O } from '../../../electron/model/search';
import { Snippet } from './Snippet';

function rendered(text: string): HTMLElement {
  const host = document.createElement('div');
  // Parsing the server markup back shows what a browser would build from it.
  host.innerHTML = renderToStaticMarkup(<Snippet text={text} />);
  return host;
}

describe('<Snippet>', () => {
  it('marks the hits', () => {
    const host = rendered(`front page of the ${O}Rodong${C} Sinmun`);
    expect([...host.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Rodong']);
    expect(host.textContent).toBe('front page of the Rodong Sinmun');
  });

  it('renders hostile markup as text, inside and outside hits', () => {
    const host = rendered(`<img src=x onerror="alert(1)"> ${O}<b onclick=x>hit</b>${C}`);
    expect(host.querySelector('img, b, script')).toBeNull();
    expect(host.textContent).toBe('<img src=x onerror="alert(1)"> <b onclick=x>hit</b>');
    expect(host.querySelector('mark')?.textContent).toBe('<b onclick=x>hit</b>');
  });
});
