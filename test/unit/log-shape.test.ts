import { describe, expect, it } from 'vitest';
import { describeFailure, escapeLogText, shapeOf } from '../../src/main/security/log-shape';

describe('log shapes', () => {
  it('describes values by type and size, never by content', () => {
    const shape = shapeOf({ t: 'call', id: 3, input: { password: 'hunter2', list: [1, 2] } });
    expect(shape).toBe('{t:string(4),id:number,input:{password:string(7),list:array(2)}}');
    expect(shape).not.toContain('hunter2');
  });
  it('hides key names that are not identifiers and bounds how many it lists', () => {
    expect(shapeOf({ 'sk-SECRET\n': 1 })).toBe('{<key>:number}');
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    expect(shapeOf(many)).toContain('…8 more');
  });
  it('escapes control characters and bounds length', () => {
    expect(escapeLogText('a\nb\u001b[2Jc')).toBe('a\\x0ab\\x1b[2Jc');
    expect(escapeLogText('x'.repeat(20), 5)).toBe('xxxxx…(20 chars)');
  });
  it('describes a failure by class, code and escaped message', () => {
    const e = Object.assign(new Error('bad\nline'), { code: 'ERR_X' });
    expect(describeFailure(e)).toBe('Error ERR_X: bad\\x0aline');
    expect(describeFailure('secret text')).toBe('string(11)');
  });
});
