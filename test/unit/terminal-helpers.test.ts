import { afterEach, describe, expect, it, vi } from 'vitest';
import { AckBatcher } from '../../src/renderer/src/components/terminal/ack-batcher';
import { InputBatcher } from '../../src/renderer/src/components/terminal/input-batcher';
import { isSoftwareRenderer } from '../../src/renderer/src/components/terminal/gpu';
import { openTerminalLink, safeLink } from '../../src/renderer/src/components/terminal/links';
import { joinCommand, parseEnvLines, parsePrefs, splitCommand } from '../../src/renderer/src/lib/shell-prefs';
import { ByteRing } from '../../src/main/services/exec/ring-buffer';

describe('terminal links', () => {
  it('accepts only http and https', () => {
    expect(safeLink('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeLink('http://10.0.0.1:8080/')).toBe('http://10.0.0.1:8080/');
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'vbscript:x',
      'not a url',
    ]) {
      expect(safeLink(bad), bad).toBeUndefined();
    }
  });

  it('opens only on Ctrl/Cmd+click, without an opener', () => {
    const open = vi.fn();
    expect(openTerminalLink({ ctrlKey: false, metaKey: false }, 'https://example.com', open)).toBe(false);
    expect(openTerminalLink({ ctrlKey: true, metaKey: false }, 'javascript:alert(1)', open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(openTerminalLink({ ctrlKey: false, metaKey: true }, 'https://example.com', open)).toBe(true);
    expect(open).toHaveBeenCalledWith('https://example.com/', '_blank', 'noopener,noreferrer');
  });
});

describe('InputBatcher', () => {
  it('sends a lone key at once, then one message per frame, in order', () => {
    const sent: string[] = [];
    const frames: Array<() => void> = [];
    const b = new InputBatcher(
      (d) => sent.push(d),
      (fn) => frames.push(fn),
      100,
    );
    for (const ch of 'ls -la') b.push(ch);
    b.push('\r');
    expect(sent).toEqual(['l']);
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(sent).toEqual(['l', 's -la\r']);
    // A quiet frame later the next key again goes at once.
    b.push('x');
    expect(sent).toEqual(['l', 's -la\r', 'x']);
    expect(frames).toHaveLength(2);
  });

  it('splits a big paste under the limit without breaking surrogate pairs', () => {
    const sent: string[] = [];
    const b = new InputBatcher(
      (d) => sent.push(d),
      () => undefined,
      10,
    );
    const text = 'abcdefghi😀jklmnopqrstuvwxyz';
    b.push(text);
    expect(sent.join('')).toBe(text);
    for (const part of sent) {
      expect(part.length).toBeLessThanOrEqual(10);
      // No lone high surrogate at the end of a part.
      const last = part.charCodeAt(part.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    }
  });
});

describe('AckBatcher', () => {
  afterEach(() => vi.useRealTimers());

  it('acks at once past the threshold, else after a short delay', () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const a = new AckBatcher((n) => sent.push(n), 1000, 25);
    a.written(400);
    a.written(400);
    expect(sent).toEqual([]);
    a.written(300);
    expect(sent).toEqual([1100]);
    a.written(10);
    vi.advanceTimersByTime(24);
    expect(sent).toEqual([1100]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1100, 10]);
    a.written(5);
    a.dispose();
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([1100, 10]);
  });

  it('counts what was received but not yet written (the backlog flow control bounds)', () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const a = new AckBatcher((n) => sent.push(n), 1000, 25);
    a.received(800);
    a.received(700);
    expect(a.backlog).toBe(1500);
    a.written(800);
    expect(a.backlog).toBe(700);
    expect(sent).toEqual([]);
    a.written(700);
    expect(a.backlog).toBe(0);
    // Acked once written, never on receipt: main sees only what xterm has taken.
    expect(sent).toEqual([1500]);
  });
});

describe('shell settings', () => {
  it('splits a command line like a shell', () => {
    expect(splitCommand('/bin/bash -l')).toEqual(['/bin/bash', '-l']);
    expect(splitCommand(`sh -c 'echo "hi there"; ls'`)).toEqual(['sh', '-c', 'echo "hi there"; ls']);
    expect(splitCommand('a\\ b "c d" \'\'')).toEqual(['a b', 'c d', '']);
    expect(splitCommand('   ')).toEqual([]);
  });

  it('joins argv back so that splitting gives the same argv', () => {
    for (const argv of [['/bin/sh'], ['sh', '-c', "it's"], ['a b', '$HOME', 'x=1']]) {
      expect(splitCommand(joinCommand(argv))).toEqual(argv);
    }
  });

  it('reads remembered settings, falling back to auto on anything odd', () => {
    expect(parsePrefs(null)).toEqual({ shell: 'auto' });
    expect(parsePrefs('{not json')).toEqual({ shell: 'auto' });
    expect(parsePrefs(JSON.stringify({ shell: ['/bin/sh'], user: 'root; rm -rf /' }))).toEqual({
      shell: 'auto',
    });
    expect(
      parsePrefs(JSON.stringify({ shell: ['/bin/bash'], user: 'app', workingDir: '/srv', env: ['A=1'] })),
    ).toEqual({
      shell: ['/bin/bash'],
      user: 'app',
      workingDir: '/srv',
      env: ['A=1'],
    });
    expect(parseEnvLines('A=1\n\n  B=two words \r\n')).toEqual(['A=1', 'B=two words']);
  });
});

describe('ByteRing', () => {
  it('keeps the last bytes, dropping whole and partial chunks from the front', () => {
    const r = new ByteRing(10);
    r.append(Buffer.from('hello '));
    r.append(Buffer.from('world'));
    expect(r.snapshot().toString()).toBe('ello world');
    r.append(Buffer.from('0123456789abc'));
    expect(r.snapshot().toString()).toBe('3456789abc');
    expect(r.length).toBe(10);
  });

  it('never starts a replay inside a UTF-8 character', () => {
    const r = new ByteRing(8);
    r.append(Buffer.from('xx€€€', 'utf8')); // 2 + 9 bytes: the cut falls inside the first €
    const text = r.snapshot().toString('utf8');
    expect(text).not.toContain('\uFFFD');
    expect(text).toBe('€€');
  });
});

describe('isSoftwareRenderer', () => {
  it('tells software rasterizers from GPUs', () => {
    for (const soft of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Microsoft Basic Render Driver',
    ])
      expect(isSoftwareRenderer(soft), soft).toBe(true);
    for (const gpu of [
      'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
      'Apple M2',
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    ])
      expect(isSoftwareRenderer(gpu), gpu).toBe(false);
  });
});
