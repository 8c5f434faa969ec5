import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape, MergedLogLine, MergedLogMember, MergedSelector } from '@shared/contract';
import { memberKey } from '../lib/merged-log';
import { toErrorShape } from '../lib/errors';
import { api } from '../rpc/api';

/** Lines kept in memory; older ones are dropped and counted. */
export const MERGED_MAX_LINES = 50_000;

export interface MergedMemberState extends MergedLogMember {
  /** Order of joining: the colour index. */
  index: number;
  state: 'following' | 'stopped' | 'left' | 'disconnected';
  error?: AppErrorShape;
}

export interface MergedLogs {
  lines: MergedLogLine[];
  dropped: number;
  members: Map<string, MergedMemberState>;
  hostErrors: Array<{ hostId: string; error: AppErrorShape }>;
  /** The stream failed or ended. */
  error: AppErrorShape | undefined;
  /** Bumps whenever anything above changed (the arrays are mutated in place). */
  version: number;
}

/** Follows mergedLogs.follow for a selector while mounted; redraws at most once a frame. */
export function useMergedLogs(selector: MergedSelector | undefined, tail: number): MergedLogs {
  const data = useRef<MergedLogs>({
    lines: [],
    dropped: 0,
    members: new Map(),
    hostErrors: [],
    error: undefined,
    version: 0,
  });
  const [, setVersion] = useState(0);

  useEffect(() => {
    const d = data.current;
    d.lines = [];
    d.dropped = 0;
    d.members = new Map();
    d.hostErrors = [];
    d.error = undefined;
    if (!selector) {
      setVersion((v) => v + 1);
      return;
    }
    let frame: number | undefined;
    const changed = () => {
      d.version += 1;
      frame ??= requestAnimationFrame(() => {
        frame = undefined;
        setVersion(d.version);
      });
    };
    const setState = (
      hostId: string,
      containerId: string,
      state: MergedMemberState['state'],
      error?: AppErrorShape,
    ) => {
      const m = d.members.get(memberKey(hostId, containerId));
      if (m) d.members.set(memberKey(hostId, containerId), { ...m, state, ...(error ? { error } : {}) });
    };
    const sub = api.mergedLogs.follow(
      { selector, tail },
      {
        onEvent(ev) {
          switch (ev.type) {
            case 'joined':
              d.members.set(memberKey(ev.member.hostId, ev.member.containerId), {
                ...ev.member,
                index: d.members.size,
                state: 'following',
              });
              break;
            case 'lines':
              for (const l of ev.lines) d.lines.push(l);
              if (d.lines.length > MERGED_MAX_LINES) {
                const over = d.lines.length - MERGED_MAX_LINES;
                d.lines.splice(0, over);
                d.dropped += over;
              }
              break;
            case 'left':
              setState(ev.hostId, ev.containerId, 'left', ev.error);
              break;
            case 'stopped':
              setState(ev.hostId, ev.containerId, 'stopped');
              break;
            case 'restarted':
            case 'resumed':
              setState(ev.hostId, ev.containerId, 'following');
              break;
            case 'disconnected':
              setState(ev.hostId, ev.containerId, 'disconnected', ev.error);
              break;
            case 'hostError':
              d.hostErrors.push({ hostId: ev.hostId, error: ev.error });
              break;
          }
          changed();
        },
        onEnd(error) {
          d.error = toErrorShape(error ?? new Error('The merged log stream ended.'));
          changed();
        },
      },
    );
    return () => {
      sub.close();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [selector, tail]);

  return data.current;
}
