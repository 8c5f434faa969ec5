import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@shared/contract';
import {
  csvCell,
  exportFileName,
  filterAudit,
  NO_AUDIT_FILTER,
  toCsv,
  toJsonLines,
} from '../../../src/renderer/src/lib/audit';

const entries: Array<AuditEntry & { seq: number }> = [
  {
    seq: 1,
    at: 1_000,
    hostId: 'h-a',
    hostName: 'alpha',
    action: 'containers.stop',
    target: 'id=web',
    outcome: 'ok',
  },
  {
    seq: 2,
    at: 2_000,
    hostId: 'h-b',
    hostName: 'beta',
    action: 'containers.remove',
    target: 'id=db',
    outcome: 'error',
    error: 'PERMISSION_DENIED: The policy of beta (read-only) does not allow deleting or pruning.',
  },
  { seq: 3, at: 3_000, action: 'hosts.add', target: 'name=gamma', outcome: 'ok' },
];

describe('audit log view helpers', () => {
  it('lists newest first and filters by host, outcome and text', () => {
    expect(filterAudit(entries, NO_AUDIT_FILTER).map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(filterAudit(entries, { ...NO_AUDIT_FILTER, hostId: 'h-a' }).map((e) => e.seq)).toEqual([1]);
    expect(filterAudit(entries, { ...NO_AUDIT_FILTER, outcome: 'error' }).map((e) => e.seq)).toEqual([2]);
    expect(filterAudit(entries, { ...NO_AUDIT_FILTER, text: 'permission' }).map((e) => e.seq)).toEqual([2]);
    expect(filterAudit(entries, { ...NO_AUDIT_FILTER, text: ' BETA ' }).map((e) => e.seq)).toEqual([2]);
    expect(filterAudit(entries, { ...NO_AUDIT_FILTER, text: 'gamma' }).map((e) => e.seq)).toEqual([3]);
  });

  it('exports JSON Lines with only the documented fields', () => {
    const lines = toJsonLines(entries).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const first = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(first).toEqual({
      at: 1_000,
      action: 'containers.stop',
      target: 'id=web',
      outcome: 'ok',
      hostId: 'h-a',
      hostName: 'alpha',
    });
    expect('seq' in first).toBe(false);
  });

  it('exports CSV with a header, ISO times and quoted cells', () => {
    const rows = toCsv(entries).trimEnd().split('\r\n');
    expect(rows[0]).toBe('time,host,hostId,action,target,outcome,error');
    expect(rows[1]).toBe('1970-01-01T00:00:01.000Z,alpha,h-a,containers.stop,id=web,ok,');
    expect(rows[2]).toBe(
      '1970-01-01T00:00:02.000Z,beta,h-b,containers.remove,id=db,error,PERMISSION_DENIED: The policy of beta (read-only) does not allow deleting or pruning.',
    );
    expect(rows[3]).toBe('1970-01-01T00:00:03.000Z,,,hosts.add,name=gamma,ok,');
  });

  it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('plain')).toBe('plain');
  });

  it('names export files with a UTC timestamp', () => {
    expect(exportFileName('csv', new Date(Date.UTC(2026, 10, 28, 3, 15, 0)))).toBe(
      'berthmaster-audit-20261128-031500.csv',
    );
    expect(exportFileName('jsonl', new Date(Date.UTC(2026, 0, 2, 4, 5, 6)))).toBe(
      'berthmaster-audit-20260102-040506.jsonl',
    );
  });
});
