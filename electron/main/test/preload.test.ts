/** The real preload, loaded under the stand-in: what the page gets, and what the bundle requires. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge } from '../../api/contract';
import {
  CHOOSE_FOLDER_CHANNEL,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  RENDERER_READY_CHANNEL,
  SAVE_NOTE_SYNC_CHANNEL,
  SET_THEME_CHANNEL,
} from '../../preload/channels';
import { BUILT_RENDERER } from './boot';
import { createElectronStandin } from './standin';

afterEach(() => {
  vi.doUnmock('electron');
});

async function loadPreload() {
  vi.resetModules();
  const electron = createElectronStandin();
  vi.doMock('electron', () => electron);
  await import('../../preload/index');
  const bridge = electron.contextBridge.exposed.get('commonplace') as DesktopBridge;
  return { electron, bridge };
}

describe('the preload', () => {
  it('exposes exactly invoke, onEvent, saveNoteSync, pathForFile, rendererReady, chooseFolder and setTheme as window.commonplace', async () => {
    const { electron, bridge } = await loadPreload();
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['commonplace']);
    expect(Object.keys(bridge).sort()).toEqual([
      'chooseFolder',
      'invoke',
      'onEvent',
      'pathForFile',
      'rendererReady',
      'saveNoteSync',
      'setTheme',
    ]);
    for (const fn of Object.values(bridge)) expect(typeof fn).toBe('function');
  });

  it('sends each call on its own channel and never hands the page the IPC event', async () => {
    const { electron, bridge } = await loadPreload();
    await bridge.invoke('library.info', {});
    bridge.saveNoteSync({ id: 'x' });
    bridge.rendererReady();
    await bridge.chooseFolder();
    bridge.setTheme('dark');
    expect(electron.ipcRenderer.calls).toEqual([
      { method: 'invoke', channel: INVOKE_CHANNEL, args: ['library.info', {}] },
      { method: 'sendSync', channel: SAVE_NOTE_SYNC_CHANNEL, args: [{ id: 'x' }] },
      { method: 'send', channel: RENDERER_READY_CHANNEL, args: [] },
      { method: 'invoke', channel: CHOOSE_FOLDER_CHANNEL, args: [] },
      { method: 'send', channel: SET_THEME_CHANNEL, args: ['dark'] },
    ]);

    const seen: unknown[][] = [];
    const off = bridge.onEvent((...args: unknown[]) => seen.push(args));
    electron.ipcRenderer.emit(
      EVENT_CHANNEL,
      { sender: electron.ipcRenderer },
      { type: 'retry-save' },
    );
    off();
    electron.ipcRenderer.emit(
      EVENT_CHANNEL,
      { sender: electron.ipcRenderer },
      { type: 'retry-save' },
    );
    expect(seen).toEqual([[{ type: 'retry-save' }]]);
    expect(() => bridge.onEvent('not a function' as never)).toThrow(/listener must be a function/);
  });

  it('gives a dropped file’s path, and null for a file with none', async () => {
    const { bridge } = await loadPreload();
    expect(bridge.pathForFile({ path: '/home/ada/paper.pdf' } as unknown as File)).toBe(
      '/home/ada/paper.pdf',
    );
    // A File built in the page (no disk path): Electron answers '' and the page falls back to uploading.
    expect(bridge.pathForFile(new File(['x'], 'made.txt'))).toBeNull();
  });

  it('is bundled to CommonJS that requires nothing but electron (it runs sandboxed)', () => {
    const built = join(BUILT_RENDERER, '..', 'preload', 'index.js');
    let code: string;
    try {
      code = readFileSync(built, 'utf8');
    } catch {
      throw new Error(`${built} is missing: run \`npm run build\` first`);
    }
    const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/\bimport\s*[{(*]|\bimport\s+\w+\s+from\b/);
  });
});
