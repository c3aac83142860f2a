/**
 * A recording stand-in for the `electron` module, so the real main process (electron/main/index.ts)
 * and preload run under vitest on machines without the Electron binary. Each object records what
 * the code under test did (windows made, handlers registered, dialogs shown, events sent) and lets
 * the test play Electron's part: fire app and webContents events, answer dialogs, call IPC.
 *
 * Only what our code touches is here, shaped like electron.d.ts; it is a harness, not an Electron.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';

/** Electron's cancellable event object. */
export interface StandinEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  [key: string]: unknown;
}

export function electronEvent(extra: Record<string, unknown> = {}): StandinEvent {
  const event: StandinEvent = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayStandin {
  id: number;
  bounds: Rect;
  workArea: Rect;
  scaleFactor: number;
}

export interface DialogCall {
  kind:
    'showOpenDialog' | 'showSaveDialog' | 'showMessageBox' | 'showMessageBoxSync' | 'showErrorBox';
  window: BrowserWindowStandin | undefined;
  options: Record<string, unknown>;
}

/** How the stand-in answers a dialog; the default cancels every picker and picks the cancel button. */
export type DialogAnswer = (call: DialogCall) => unknown;

export interface FrameStandin {
  url: string;
  parent: FrameStandin | null;
}

let nextWebContentsId = 1;

export class WebContentsStandin extends EventEmitter {
  readonly id = nextWebContentsId++;
  url = '';
  loading = false;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly loads: string[] = [];
  reloads = 0;
  readonly mainFrame: FrameStandin = { url: '', parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  constructor(private readonly owner: BrowserWindowStandin) {
    super();
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.owner.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  /** The events sent on one channel, in order. */
  sentOn(channel: string): unknown[] {
    return this.sent.filter((s) => s.channel === channel).map((s) => s.args[0]);
  }
  getURL(): string {
    return this.url;
  }
  isLoading(): boolean {
    return this.loading;
  }
  isDestroyed(): boolean {
    return this.owner.destroyed;
  }
  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    this.url = url;
    this.mainFrame.url = url;
    this.loading = true;
    return Promise.resolve();
  }
  reload(): void {
    this.reloads++;
    this.loading = true;
  }
  /** The test's stand-in for the page finishing its load. */
  finishLoad(): void {
    this.loading = false;
    this.emit('did-finish-load', electronEvent());
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindowStandin extends EventEmitter {
  static all: BrowserWindowStandin[] = [];
  static focused: BrowserWindowStandin | null = null;
  static getAllWindows(): BrowserWindowStandin[] {
    return BrowserWindowStandin.all.filter((w) => !w.destroyed);
  }
  static getFocusedWindow(): BrowserWindowStandin | null {
    return BrowserWindowStandin.focused;
  }
  static fromWebContents(contents: WebContentsStandin): BrowserWindowStandin | null {
    return BrowserWindowStandin.all.find((w) => w.webContents === contents) ?? null;
  }

  readonly webContents: WebContentsStandin;
  destroyed = false;
  visible = false;
  minimized = false;
  maximized = false;
  focusCount = 0;
  bounds: Rect;

  constructor(readonly options: Record<string, unknown>) {
    super();
    this.webContents = new WebContentsStandin(this);
    const o = options as Partial<Rect>;
    this.bounds = { x: o.x ?? 100, y: o.y ?? 100, width: o.width ?? 800, height: o.height ?? 600 };
    BrowserWindowStandin.all.push(this);
    // Electron emits web-contents-created for each new page.
    standinState.app?.emit('web-contents-created', electronEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.focusCount++;
    BrowserWindowStandin.focused = this;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  unmaximize(): void {
    this.maximized = false;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isFullScreen(): boolean {
    return false;
  }
  getBounds(): Rect {
    return { ...this.bounds };
  }
  getNormalBounds(): Rect {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<Rect>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Like Electron: 'close' (cancellable), then 'closed' and the window is gone. */
  close(): void {
    if (this.destroyed) return;
    const event = electronEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (BrowserWindowStandin.focused === this) BrowserWindowStandin.focused = null;
    this.emit('closed');
    if (BrowserWindowStandin.getAllWindows().length === 0)
      standinState.app?.emit('window-all-closed');
  }
}

class AppStandin extends EventEmitter {
  name = 'electron';
  readonly paths = new Map<string, string>();
  isPackaged = false;
  ready = false;
  singleInstanceLock = true;
  readonly protocolClients: unknown[][] = [];
  aboutPanelOptions: unknown;
  sandboxEnabled = false;
  quitCalls = 0;
  /** Set when quitting went all the way (nothing prevented it). */
  quitted = false;
  exitCode: number | undefined;
  private readyResolve!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));

  setName(name: string): void {
    this.name = name;
  }
  getName(): string {
    return this.name;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
    // Electron makes the profile folder (userData) at startup.
    if (name === 'userData') mkdirSync(path, { recursive: true });
  }
  getPath(name: string): string {
    const p = this.paths.get(name);
    if (!p) throw new Error(`stand-in: app.getPath('${name}') was never set`);
    return p;
  }
  getVersion(): string {
    return '0.0.0-standin';
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  setAsDefaultProtocolClient(...args: unknown[]): boolean {
    this.protocolClients.push(args);
    return true;
  }
  setAboutPanelOptions(options: unknown): void {
    this.aboutPanelOptions = options;
  }
  showAboutPanel(): void {}
  addRecentDocument(): void {}
  focus(): void {}
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** The test's stand-in for Electron becoming ready. */
  fireReady(): void {
    this.ready = true;
    this.emit('ready', electronEvent(), {});
    this.readyResolve();
  }
  /** Like Electron: before-quit, then the windows close, then will-quit; each may be prevented. */
  private closingWindows = false;
  quit(): void {
    this.quitCalls++;
    // Closing the last window fires window-all-closed, whose handler may call quit again.
    if (this.closingWindows) return;
    const before = electronEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.closingWindows = true;
    try {
      for (const w of BrowserWindowStandin.getAllWindows()) {
        w.close();
        if (!w.destroyed) return;
      }
    } finally {
      this.closingWindows = false;
    }
    const will = electronEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    this.quitted = true;
    this.emit('quit', electronEvent(), 0);
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
}

type Handler = (...args: unknown[]) => unknown;

class IpcMainStandin extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** ipcRenderer.invoke from a frame: what the handler resolves to (or its rejection). */
  async invokeFrom(sender: IpcSender, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(ipcEvent(sender), ...args);
  }
  /** ipcRenderer.send from a frame. */
  sendFrom(sender: IpcSender, channel: string, ...args: unknown[]): void {
    this.emit(channel, ipcEvent(sender), ...args);
  }
  /** ipcRenderer.sendSync from a frame: waits (generously) for the handler to set returnValue. */
  async sendSyncFrom(sender: IpcSender, channel: string, ...args: unknown[]): Promise<unknown> {
    const event = ipcEvent(sender);
    this.emit(channel, event, ...args);
    const deadline = Date.now() + 20_000;
    while (!('returnValue' in event)) {
      if (Date.now() > deadline) throw new Error(`nothing answered sendSync on '${channel}'`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return event.returnValue;
  }
}

/** Who an IPC message comes from: a window's page, or a made-up frame (another origin, a subframe). */
export interface IpcSender {
  window?: BrowserWindowStandin;
  frame?: FrameStandin | null;
}

function ipcEvent(sender: IpcSender): StandinEvent {
  const frame =
    sender.frame !== undefined ? sender.frame : (sender.window?.webContents.mainFrame ?? null);
  return electronEvent({
    sender: sender.window?.webContents,
    senderFrame: frame,
    frameId: 1,
    processId: 1,
  });
}

type RequestListener = (
  details: { url: string; resourceType: string },
  callback: (r: { cancel: boolean }) => void,
) => void;

class SessionStandin extends EventEmitter {
  beforeRequest: RequestListener | undefined;
  permissionRequest:
    | ((
        wc: unknown,
        permission: string,
        cb: (granted: boolean) => void,
        details: { requestingUrl?: string },
      ) => void)
    | undefined;
  permissionCheck:
    ((wc: unknown, permission: string, origin: string, details: unknown) => boolean) | undefined;
  devicePermission: ((details: unknown) => boolean) | undefined;
  readonly webRequest = {
    onBeforeRequest: (listener: RequestListener) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: SessionStandin['permissionRequest']): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: SessionStandin['permissionCheck']): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: SessionStandin['devicePermission']): void {
    this.devicePermission = handler;
  }
  /** Whether the request filter lets `url` through. */
  allows(url: string, resourceType = 'xhr'): boolean {
    if (!this.beforeRequest) throw new Error('stand-in: no onBeforeRequest listener');
    let cancel: boolean | undefined;
    this.beforeRequest({ url, resourceType }, (r) => (cancel = r.cancel));
    if (cancel === undefined) throw new Error('the request filter never answered');
    return !cancel;
  }
}

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  submenu?: MenuItemTemplate[];
  click?: (item: unknown, win: unknown, event: unknown) => void;
}

export class MenuStandin {
  static applicationMenu: MenuStandin | null = null;
  constructor(readonly template: MenuItemTemplate[]) {}
  static buildFromTemplate(template: MenuItemTemplate[]): MenuStandin {
    return new MenuStandin(template);
  }
  static setApplicationMenu(menu: MenuStandin | null): void {
    MenuStandin.applicationMenu = menu;
  }
  /** The item reached by labels or roles, e.g. item('File', 'Import…'). */
  item(...path: string[]): MenuItemTemplate {
    let items = this.template;
    let found: MenuItemTemplate | undefined;
    for (const name of path) {
      found = items.find((i) => i.label === name || i.role === name);
      if (!found)
        throw new Error(
          `no menu item "${name}" in ${items.map((i) => i.label ?? i.role).join(', ')}`,
        );
      items = found.submenu ?? [];
    }
    return found!;
  }
}

/** Everything one stand-in records; fresh for each load of the main process. */
export const standinState: {
  app: AppStandin | null;
} = { app: null };

export function createElectronStandin(opts: { displays?: DisplayStandin[] } = {}) {
  BrowserWindowStandin.all = [];
  BrowserWindowStandin.focused = null;
  MenuStandin.applicationMenu = null;
  const app = new AppStandin();
  standinState.app = app;
  const ipcMain = new IpcMainStandin();
  const defaultSession = new SessionStandin();

  const dialogCalls: DialogCall[] = [];
  let answer: DialogAnswer = (call) => {
    if (call.kind === 'showOpenDialog') return { canceled: true, filePaths: [] };
    if (call.kind === 'showSaveDialog') return { canceled: true, filePath: '' };
    const cancelId = (call.options.cancelId as number | undefined) ?? 0;
    if (call.kind === 'showMessageBox') return { response: cancelId, checkboxChecked: false };
    return cancelId;
  };
  /** Electron's dialog functions take an optional window first. */
  const record = (kind: DialogCall['kind']) => (a: unknown, b?: unknown) => {
    const hasWindow = a instanceof BrowserWindowStandin;
    const call: DialogCall = {
      kind,
      window: hasWindow ? a : undefined,
      options: (hasWindow ? b : a) as Record<string, unknown>,
    };
    dialogCalls.push(call);
    return answer(call);
  };
  const dialog = {
    calls: dialogCalls,
    answerWith(fn: DialogAnswer) {
      answer = fn;
    },
    showOpenDialog: (a: unknown, b?: unknown) => Promise.resolve(record('showOpenDialog')(a, b)),
    showSaveDialog: (a: unknown, b?: unknown) => Promise.resolve(record('showSaveDialog')(a, b)),
    showMessageBox: (a: unknown, b?: unknown) => Promise.resolve(record('showMessageBox')(a, b)),
    showMessageBoxSync: (a: unknown, b?: unknown) => record('showMessageBoxSync')(a, b),
    showErrorBox: (title: string, content: string) => {
      dialogCalls.push({ kind: 'showErrorBox', window: undefined, options: { title, content } });
    },
  };

  const registeredSchemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const protocol = {
    registeredSchemes,
    registerSchemesAsPrivileged(schemes: unknown[]) {
      registeredSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
      protocolHandlers.set(scheme, handler);
    },
    /** A request to a custom scheme, answered by the registered handler. */
    async fetch(url: string, init?: RequestInit): Promise<Response> {
      const scheme = new URL(url).protocol.slice(0, -1);
      const handler = protocolHandlers.get(scheme);
      if (!handler) throw new Error(`no protocol handler for ${scheme}:`);
      return handler(new Request(url, init));
    },
  };

  const shell = {
    opened: [] as string[],
    external: [] as string[],
    openPath: (path: string) => {
      shell.opened.push(path);
      return Promise.resolve('');
    },
    openExternal: (url: string) => {
      shell.external.push(url);
      return Promise.resolve();
    },
  };

  const displays: DisplayStandin[] = opts.displays ?? [
    {
      id: 1,
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      scaleFactor: 1,
    },
  ];
  const screen = {
    displays,
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0]!,
  };

  // Preload side.
  const exposed = new Map<string, unknown>();
  const contextBridge = {
    exposed,
    exposeInMainWorld(key: string, api: unknown) {
      exposed.set(key, api);
    },
  };
  const rendererCalls: { method: string; channel: string; args: unknown[] }[] = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    calls: rendererCalls,
    invoke: (channel: string, ...args: unknown[]) => {
      rendererCalls.push({ method: 'invoke', channel, args });
      return Promise.resolve({ ok: true, data: null });
    },
    send: (channel: string, ...args: unknown[]) => {
      rendererCalls.push({ method: 'send', channel, args });
    },
    sendSync: (channel: string, ...args: unknown[]) => {
      rendererCalls.push({ method: 'sendSync', channel, args });
      return { ok: true, data: null };
    },
  });
  const webUtils = {
    /** Electron returns '' for a File that has no path on disk. */
    getPathForFile: (file: { path?: string }) => {
      if (typeof file !== 'object' || file === null)
        throw new TypeError('Error processing argument at index 0, conversion failure');
      return file.path ?? '';
    },
  };

  const nativeTheme = Object.assign(new EventEmitter(), {
    shouldUseDarkColors: false,
    themeSource: 'system',
  });

  const module = {
    app,
    BrowserWindow: BrowserWindowStandin,
    ipcMain,
    protocol,
    session: { defaultSession },
    Menu: MenuStandin,
    dialog,
    shell,
    webUtils,
    screen,
    nativeTheme,
    contextBridge,
    ipcRenderer,
  };
  return module;
}

export type ElectronStandin = ReturnType<typeof createElectronStandin>;
