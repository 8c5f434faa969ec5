import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon, type ISearchOptions } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import { EXEC_INPUT_MAX, type AppError, type ExecSessionInfo } from '@shared/contract';
import type { Subscription } from '@shared/rpc/client';
import { api } from '../../rpc/api';
import { AckBatcher } from './ack-batcher';
import { InputBatcher } from './input-batcher';
import { hasHardwareWebgl } from './gpu';
import { openTerminalLink } from './links';
import { TERMINAL_FONT, TERMINAL_THEME } from './theme';
import { currentSettings } from '../../lib/app-settings';
import { openExternalLink } from '../../rpc/open-external';
import { claimEarlyKeys, PendingInput, type EarlyKeys } from '../../lib/early-input';

export type TerminalShortcut = 'find' | 'zoomIn' | 'zoomOut' | 'zoomReset';

export interface ControllerEvents {
  /** The session's state as main reports it (attached, exited, ...). */
  onInfo(info: ExecSessionInfo): void;
  /** The output stream ended without a final state (backend gone, session dropped). */
  onLost(error: AppError | undefined): void;
  /** The terminal fitted itself to a new size. */
  onSize(size: { cols: number; rows: number }): void;
}

export interface ControllerOptions {
  fontSize: number;
  scrollback: number;
}

/** Acks go out once this much output is written, or shortly after the last write. */
const ACK_BYTES = 32 * 1024;
const ACK_DELAY_MS = 25;
const RESIZE_DEBOUNCE_MS = 80;
const SEARCH_DECORATIONS: ISearchOptions['decorations'] = {
  matchBackground: '#5a4a12',
  matchOverviewRuler: '#e5c07b',
  activeMatchBackground: '#9a6b00',
  activeMatchColorOverviewRuler: '#ffb000',
};

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/**
 * One session's xterm, owned outside React: created once per session and moved between mounts,
 * so re-renders, view switches and StrictMode's double mount never re-open or dispose it. Output
 * is written as bytes (xterm keeps UTF-8 state across writes) and acknowledged only once written,
 * which is what lets main pause a fast producer.
 */
export class TerminalController {
  readonly term: Terminal;
  /** The element xterm renders into; re-parented on each mount. */
  readonly element: HTMLDivElement;
  private readonly fit = new FitAddon();
  private readonly search = new SearchAddon({ highlightLimit: 1000 });
  private webgl: WebglAddon | undefined;
  private webglBroken = false;
  private opened = false;
  private visible = false;
  private parent: HTMLElement | undefined;
  private observer: ResizeObserver | undefined;
  private frame = 0;
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  private sentSize = { cols: 0, rows: 0 };
  private sub: Subscription | undefined;
  private viewerId = 0;
  private running = false;
  private disposed = false;
  private readonly acks: AckBatcher;
  private readonly input: InputBatcher;
  private readonly pending = new PendingInput();
  private early: EarlyKeys | undefined;
  private shortcut: (s: TerminalShortcut) => void = () => undefined;
  /** performance.now() when xterm last finished parsing output (benchmarks: data-path latency). */
  lastWrittenAt = 0;

  constructor(
    readonly sessionId: string,
    private readonly events: ControllerEvents,
    opts: ControllerOptions,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'terminal-surface';
    this.term = new Terminal({
      fontFamily: currentSettings().terminalFontFamily || TERMINAL_FONT,
      fontSize: opts.fontSize,
      scrollback: opts.scrollback,
      theme: TERMINAL_THEME,
      cursorBlink: true,
      // Needed for unicode11 and for search match decorations.
      allowProposedApi: true,
      macOptionIsMeta: true,
      rightClickSelectsWord: false,
    });
    this.term.loadAddon(this.fit);
    this.term.loadAddon(this.search);
    this.term.loadAddon(new Unicode11Addon());
    this.term.unicode.activeVersion = '11';
    this.term.loadAddon(
      new WebLinksAddon((event, uri) => {
        openTerminalLink(event, uri, (url) => openExternalLink(url));
      }),
    );

    this.acks = new AckBatcher(
      (bytes) => {
        if (this.viewerId === 0) return;
        api.exec.ack({ sessionId, viewerId: this.viewerId, bytes }).catch(() => undefined);
      },
      ACK_BYTES,
      ACK_DELAY_MS,
    );
    this.input = new InputBatcher(
      (data) => {
        api.exec.input({ sessionId, data }).catch(() => undefined);
      },
      (fn) => requestAnimationFrame(fn),
      EXEC_INPUT_MAX / 2,
    );
    // Keys typed before the session is attached wait in order (early-input.ts); after it ended
    // they go nowhere. Keys typed in the page before this terminal had focus come first.
    this.early = claimEarlyKeys(sessionId);
    this.early?.redirect((data) => this.typed(data));
    this.term.onData((data) => this.typed(data));
    this.term.onBinary((data) => {
      if (!this.running) return;
      this.input.flush();
      api.exec.input({ sessionId, data, binary: true }).catch(() => undefined);
    });
    this.term.onResize(({ cols, rows }) => {
      this.events.onSize({ cols, rows });
      this.scheduleResize();
    });
    this.term.attachCustomKeyEventHandler((e) => this.onKey(e));
    this.subscribe();
  }

  private typed(data: string) {
    if (this.running) this.input.push(data);
    else if (this.viewerId === 0) this.pending.push(data);
  }

  private subscribe() {
    this.sub = api.exec.output(
      { sessionId: this.sessionId },
      {
        onEvent: (ev) => {
          if (this.disposed) return;
          if (ev.type === 'attached') {
            this.viewerId = ev.viewerId;
            this.running = ev.session.state === 'running';
            const typed = this.pending.take();
            if (this.running && typed) this.input.push(typed);
            this.events.onInfo(ev.session);
            // Main may hold another size (a reload): make it ours once we know it.
            this.sentSize = { cols: ev.session.cols, rows: ev.session.rows };
            this.scheduleResize();
          } else if (ev.type === 'data') {
            const n = ev.bytes.length;
            this.acks.received(n);
            this.term.write(ev.bytes, () => {
              this.lastWrittenAt = performance.now();
              this.acks.written(n);
            });
          } else {
            this.running = false;
            this.input.clear();
            this.events.onInfo(ev.session);
          }
        },
        onEnd: (error) => {
          this.sub = undefined;
          if (this.disposed) return;
          const wasRunning = this.running;
          this.running = false;
          if (error || wasRunning) this.events.onLost(error);
        },
      },
    );
  }

  /** Terminal shortcuts; returning false keeps xterm from sending the key to the process. */
  private onKey(e: KeyboardEvent): boolean {
    if (e.type !== 'keydown') return true;
    const key = e.key.toLowerCase();
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.shiftKey && key === 'c') {
      e.preventDefault();
      void this.copy();
      return false;
    }
    if (isMac && e.metaKey && key === 'c' && this.term.hasSelection()) {
      void this.copy();
      return false;
    }
    // The browser's own paste (plain text) then reaches xterm's textarea, bracketed.
    if ((mod && e.shiftKey && key === 'v') || (isMac && e.metaKey && key === 'v')) return false;
    if (mod && e.shiftKey && key === 'f') {
      e.preventDefault();
      this.shortcut('find');
      return false;
    }
    if (mod && !e.altKey && (key === '=' || key === '+')) {
      e.preventDefault();
      this.shortcut('zoomIn');
      return false;
    }
    if (mod && !e.altKey && !e.shiftKey && key === '-') {
      e.preventDefault();
      this.shortcut('zoomOut');
      return false;
    }
    if (mod && !e.altKey && !e.shiftKey && key === '0') {
      e.preventDefault();
      this.shortcut('zoomReset');
      return false;
    }
    return true;
  }

  onShortcut(fn: (s: TerminalShortcut) => void): void {
    this.shortcut = fn;
  }

  /** Puts the terminal into `parent` (a pane that just mounted). */
  attach(parent: HTMLElement): void {
    if (this.disposed) return;
    this.parent = parent;
    parent.appendChild(this.element);
    this.observer?.disconnect();
    this.observer = new ResizeObserver(() => this.scheduleFit());
    this.observer.observe(parent);
    this.scheduleFit();
  }

  /** The pane unmounted; the session and its scrollback stay. */
  detach(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.disableWebgl();
    this.element.remove();
    this.parent = undefined;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.scheduleFit();
    else this.disableWebgl();
  }

  setFontSize(size: number): void {
    if (this.term.options.fontSize === size) return;
    this.term.options.fontSize = size;
    this.scheduleFit();
  }

  setScrollback(lines: number): void {
    if (this.term.options.scrollback !== lines) this.term.options.scrollback = lines;
  }

  /** Opens (first time, once the element has a size), fits, and picks the renderer, next frame. */
  private scheduleFit() {
    if (this.frame || this.disposed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const el = this.element;
      if (this.disposed || !this.parent || el.clientWidth === 0 || el.clientHeight === 0) return;
      if (!this.opened) {
        this.term.open(el);
        this.opened = true;
      }
      if (this.visible) this.enableWebgl();
      this.fit.fit();
    });
  }

  private scheduleResize() {
    clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => {
      const { cols, rows } = this.term;
      if (!this.running || !this.opened || (cols === this.sentSize.cols && rows === this.sentSize.rows))
        return;
      this.sentSize = { cols, rows };
      api.exec.resize({ sessionId: this.sessionId, cols, rows }).catch(() => undefined);
    }, RESIZE_DEBOUNCE_MS);
  }

  /**
   * WebGL only for the terminal on screen (browsers cap live WebGL contexts, ~16) and only where a
   * GPU draws it: a software rasterizer is slower than the DOM renderer.
   */
  private enableWebgl() {
    if (this.webgl || this.webglBroken || !this.opened) return;
    if (!hasHardwareWebgl()) {
      this.webglBroken = true;
      return;
    }
    try {
      const addon = new WebglAddon();
      addon.onContextLoss(() => {
        addon.dispose();
        if (this.webgl === addon) this.webgl = undefined;
      });
      this.term.loadAddon(addon);
      this.webgl = addon;
    } catch {
      // No WebGL2 here: the DOM renderer stays.
      this.webglBroken = true;
    }
  }

  private disableWebgl() {
    const addon = this.webgl;
    this.webgl = undefined;
    addon?.dispose();
  }

  get renderer(): 'webgl' | 'dom' {
    return this.webgl ? 'webgl' : 'dom';
  }

  focus(): void {
    this.term.focus();
    // From now on xterm's textarea has the keys.
    this.early?.stop();
    this.early = undefined;
  }

  hasSelection(): boolean {
    return this.term.hasSelection();
  }

  async copy(): Promise<boolean> {
    const text = this.term.getSelection();
    if (!text) return false;
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  }

  /** Pastes like typing would, bracketed when the program asked for it. */
  paste(text: string): void {
    if (this.running && text) this.term.paste(text);
  }

  selectAll(): void {
    this.term.selectAll();
  }

  clear(): void {
    this.term.clear();
  }

  find(query: string, direction: 'next' | 'previous'): boolean {
    if (!query) {
      this.search.clearDecorations();
      return false;
    }
    const opts: ISearchOptions = { decorations: SEARCH_DECORATIONS };
    return direction === 'next'
      ? this.search.findNext(query, { ...opts, incremental: true })
      : this.search.findPrevious(query, opts);
  }

  onSearchResults(fn: (r: { index: number; count: number }) => void): () => void {
    const d = this.search.onDidChangeResults((e) => fn({ index: e.resultIndex, count: e.resultCount }));
    return () => d.dispose();
  }

  clearSearch(): void {
    this.search.clearDecorations();
  }

  /** The buffer as text (scrollback included), or only its last lines: for the e2e test hook. */
  text(lastLines?: number): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    const from = lastLines === undefined ? 0 : Math.max(0, buffer.length - lastLines);
    for (let i = from; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Output received but not yet parsed by xterm (benchmarks: what flow control lets queue up). */
  get backlog(): number {
    return this.acks.backlog;
  }

  get size(): { cols: number; rows: number } {
    return { cols: this.term.cols, rows: this.term.rows };
  }

  dispose(): void {
    this.early?.stop();
    this.early = undefined;
    if (this.disposed) return;
    this.disposed = true;
    this.sub?.close();
    this.sub = undefined;
    this.acks.dispose();
    this.input.clear();
    clearTimeout(this.resizeTimer);
    this.detach();
    // A frame later: xterm's pending render callbacks must not find a disposed core (xterm #4983).
    requestAnimationFrame(() => {
      try {
        this.term.dispose();
      } catch {
        // Already torn down.
      }
    });
  }
}
