import { describe, expect, it } from 'vitest';
import { BuildOutput } from '../../src/main/services/images/build-output';
import { LayerProgress } from '../../src/main/services/images/layer-progress';

describe('pull and push progress', () => {
  it('folds per-layer events into bars and a size-weighted overall fraction', () => {
    const p = new LayerProgress('pull');
    expect(p.view().fraction).toBeNull();
    p.apply({ status: 'Pulling from team/app', id: 'v1' });
    expect(p.view().layers).toEqual([]);
    p.apply({ status: 'Already exists', id: 'aaaaaaaaaaaa', progressDetail: {} });
    p.apply({ status: 'Pulling fs layer', id: 'bbbbbbbbbbbb', progressDetail: {} });
    p.apply({ status: 'Downloading', id: 'bbbbbbbbbbbb', progressDetail: { current: 50, total: 100 } });
    let v = p.view();
    expect(v.layers.map((l) => [l.id, l.status, l.fraction])).toEqual([
      ['aaaaaaaaaaaa', 'Already exists', 1],
      ['bbbbbbbbbbbb', 'Downloading', 0.4],
    ]);
    // The layer of unknown size weighs as much as the average known one (100): (100 + 40) / 200.
    expect(v.fraction).toBeCloseTo(0.7);
    expect(v.phase).toBe('Downloading: 1 of 2 layers done');
    p.apply({ status: 'Download complete', id: 'bbbbbbbbbbbb', progressDetail: {} });
    p.apply({ status: 'Extracting', id: 'bbbbbbbbbbbb', progressDetail: { current: 50, total: 100 } });
    expect(p.view().phase).toBe('Extracting: 1 of 2 layers done');
    p.apply({ status: 'Pull complete', id: 'bbbbbbbbbbbb', progressDetail: {} });
    v = p.view();
    expect(v.fraction).toBe(1);
    expect(v.layers.every((l) => l.done)).toBe(true);
    expect(v.layers[1]?.total).toBe(100);
  });

  it('push: pushing counts up to the bar, "Mounted from" and "Layer already exists" are done', () => {
    const p = new LayerProgress('push');
    p.apply({ status: 'Preparing', id: 'cccccccccccc' });
    p.apply({ status: 'Pushing', id: 'cccccccccccc', progressDetail: { current: 2007040, total: 1982564 } });
    expect(p.view().layers[0]?.fraction).toBeCloseTo(0.97);
    p.apply({ status: 'Mounted from other/repo', id: 'dddddddddddd' });
    p.apply({ status: 'Layer already exists', id: 'eeeeeeeeeeee' });
    p.apply({ status: 'Pushed', id: 'cccccccccccc' });
    expect(p.view().fraction).toBe(1);
  });
});

describe('build output', () => {
  it('splits stream text into lines, tracks the step, strips colours, keeps the image id', () => {
    const b = new BuildOutput();
    expect(b.apply({ stream: 'Step 1/3 : FROM busybox\n ---> 993b' }).lines).toEqual([
      'Step 1/3 : FROM busybox',
    ]);
    expect(b.apply({ stream: '346a898c\n' }).lines).toEqual([' ---> 993b346a898c']);
    expect(b.step).toEqual({ index: 1, total: 3, instruction: 'FROM busybox' });
    expect(b.apply({ stream: 'Step 2/3 : RUN x\n\u001b[91mboom\n\u001b[0m' }).lines).toEqual([
      'Step 2/3 : RUN x',
      'boom',
    ]);
    b.apply({ aux: { ID: 'sha256:abc' } });
    expect(b.imageId).toBe('sha256:abc');
  });

  it('an in-band error names the failing step and its instruction', () => {
    const b = new BuildOutput();
    b.apply({ stream: 'Step 2/4 : RUN make\n' });
    const { lines, error } = b.apply({
      errorDetail: { code: 2, message: "The command '/bin/sh -c make' returned a non-zero code: 2" },
      error: 'ignored',
    });
    expect(lines).toEqual(["ERROR: The command '/bin/sh -c make' returned a non-zero code: 2"]);
    expect(error?.message).toBe(
      "Step 2/4 failed (RUN make): The command '/bin/sh -c make' returned a non-zero code: 2",
    );
    expect(error?.data).toEqual({ step: 2, steps: 4, instruction: 'RUN make' });
  });

  it('an error before any step says so', () => {
    const { error } = new BuildOutput().apply({
      error: 'dockerfile parse error line 1: unknown instruction: FORM',
    });
    expect(error?.message).toBe(
      'The build failed before its first step: dockerfile parse error line 1: unknown instruction: FORM',
    );
  });
});
