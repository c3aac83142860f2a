/**
 * commonplace:// links by every route: macOS open-url (also before ready), argv on a first launch
 * (Windows/Linux), a second instance while running. A link that launches the app reaches the page
 * only once the page says it listens (rendererReady): sent on load, it was lost.
 */
import { describe, expect, it, vi } from 'vitest';
import { eventsSent, pageReady, useMainProcess } from './boot';
import { electronEvent } from './standin';

const boot = useMainProcess();
const ID = '0190a000-0000-7000-8000-00000000abcd';
const LINK = `commonplace://passage/${ID}`;
const navigations = (b: Awaited<ReturnType<typeof boot>>) =>
  eventsSent(b.window()).filter((e) => e.type === 'navigate');

describe('deep links', () => {
  it('registers the scheme with the OS', async () => {
    const b = await boot();
    expect(b.electron.app.protocolClients.map((c) => c[0])).toEqual(['commonplace']);
  });

  it('cold start, Windows/Linux: the link in the first launch’s argv waits for rendererReady, not for the load', async () => {
    const b = await boot({ platform: 'win32', args: [LINK] });
    b.window().webContents.finishLoad();
    // The page has loaded but not yet subscribed: sending now would lose the link.
    expect(navigations(b)).toEqual([]);
    pageReady(b);
    expect(navigations(b)).toEqual([{ type: 'navigate', target: { kind: 'passage', id: ID } }]);
    // Sent once.
    pageReady(b);
    expect(navigations(b)).toHaveLength(1);
  });

  it('a page that never calls rendererReady (an older renderer) still gets the link, after a grace period', async () => {
    const b = await boot({ args: [LINK] });
    // Imported after the boot, so it is the instance the main process uses (under the stand-in).
    const { READY_GRACE_MS } = await import('../renderer-outbox');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      b.window().webContents.finishLoad();
      vi.advanceTimersByTime(READY_GRACE_MS - 1);
      expect(navigations(b)).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(navigations(b)).toEqual([{ type: 'navigate', target: { kind: 'passage', id: ID } }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('only our own top frame can say the page listens', async () => {
    const b = await boot({ args: [LINK] });
    const win = b.window();
    win.webContents.finishLoad();
    const { RENDERER_READY_CHANNEL } = await import('../../preload/channels');
    b.electron.ipcMain.sendFrom(
      { window: win, frame: { url: 'https://evil.example/', parent: null } },
      RENDERER_READY_CHANNEL,
    );
    b.electron.ipcMain.sendFrom(
      {
        window: win,
        frame: { url: 'app://commonplace/index.html', parent: win.webContents.mainFrame },
      },
      RENDERER_READY_CHANNEL,
    );
    expect(navigations(b)).toEqual([]);
    pageReady(b);
    expect(navigations(b)).toHaveLength(1);
  });

  it('cold start, macOS: open-url before ready is kept and delivered once the page listens', async () => {
    let event = electronEvent();
    const b = await boot({
      platform: 'darwin',
      beforeReady: (e) => {
        event = electronEvent();
        e.app.emit('open-url', event, LINK);
      },
    });
    expect(event.defaultPrevented).toBe(true);
    b.window().webContents.finishLoad();
    expect(navigations(b)).toEqual([]);
    pageReady(b);
    expect(navigations(b)).toEqual([{ type: 'navigate', target: { kind: 'passage', id: ID } }]);
  });

  it('while running: open-url and a second instance’s argv go to the window at once and reveal it', async () => {
    const b = await boot({ platform: 'darwin' });
    pageReady(b);
    const win = b.window();
    win.minimize();
    b.electron.app.emit('open-url', electronEvent(), `commonplace://note/${ID}`);
    expect(navigations(b)).toEqual([{ type: 'navigate', target: { kind: 'note', id: ID } }]);
    expect(win.isMinimized()).toBe(false);
    expect(win.focusCount).toBe(1);

    b.electron.app.emit(
      'second-instance',
      electronEvent(),
      ['/opt/Commonplace/commonplace', '--no-sandbox', `commonplace://article/${ID}`],
      '/home/ada',
      {},
    );
    expect(navigations(b).at(-1)).toEqual({
      type: 'navigate',
      target: { kind: 'article', id: ID },
    });
    expect(win.focusCount).toBe(2);
  });

  it('delivers a link to an unknown id (the page says it is not in the library) and drops a malformed one', async () => {
    const b = await boot();
    pageReady(b);
    // Well-formed but in no library: main can't know, the page looks it up and says so.
    b.electron.app.emit(
      'second-instance',
      electronEvent(),
      ['/usr/bin/commonplace', LINK],
      '/',
      {},
    );
    b.electron.app.emit(
      'second-instance',
      electronEvent(),
      ['/usr/bin/commonplace', 'commonplace://passage/../../etc'],
      '/',
      {},
    );
    b.electron.app.emit(
      'second-instance',
      electronEvent(),
      ['/usr/bin/commonplace', 'commonplace://script/alert(1)'],
      '/',
      {},
    );
    expect(navigations(b)).toEqual([{ type: 'navigate', target: { kind: 'passage', id: ID } }]);
  });
});
