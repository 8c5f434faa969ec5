import { describe, expect, it } from 'vitest';
import {
  formatReference,
  imageRefSchema,
  imageReferenceSchema,
  parseImageReference,
  taggableReferenceSchema,
} from '@shared/contract';

describe('image reference grammar', () => {
  it.each([
    ['busybox', { name: 'busybox', registry: 'docker.io' }],
    ['library/busybox:1.36', { name: 'library/busybox', registry: 'docker.io', tag: '1.36' }],
    [
      '127.0.0.1:5000/team/app:v1',
      { name: '127.0.0.1:5000/team/app', registry: '127.0.0.1:5000', tag: 'v1' },
    ],
    ['localhost/app', { name: 'localhost/app', registry: 'localhost' }],
    [
      'registry.example.com/a/b/c:1.0-rc_1',
      { name: 'registry.example.com/a/b/c', registry: 'registry.example.com', tag: '1.0-rc_1' },
    ],
    ['my-app__x.y', { name: 'my-app__x.y', registry: 'docker.io' }],
    ['[::1]:5000/app:2', { name: '[::1]:5000/app', registry: '[::1]:5000', tag: '2' }],
    [
      `app@sha256:${'a'.repeat(64)}`,
      { name: 'app', registry: 'docker.io', digest: `sha256:${'a'.repeat(64)}` },
    ],
  ])('accepts %s', (input, expected) => {
    expect(parseImageReference(input)).toEqual({ ok: true, ref: expected });
  });

  it.each([
    ['', /enter an image reference/],
    ['Upper/Case', /must be lowercase/],
    ['app:tag with space', /no spaces/],
    ['repo:tag:tag', /not a valid image reference/],
    ['repo@sha256:xyz', /not a valid image reference/],
    ['../etc/passwd', /not a valid image reference/],
    ['x?y=1', /not a valid image reference/],
    ['a//b', /not a valid image reference/],
    ['-app', /not a valid image reference/],
    [`app:${'t'.repeat(129)}`, /at most 128 characters/],
    [`${'a'.repeat(256)}`, /longer than 255/],
  ])('refuses %s', (input, reason) => {
    const r = parseImageReference(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('formats what the engine pulls: a bare name means :latest', () => {
    const r = parseImageReference('127.0.0.1:5000/app');
    expect(r.ok && formatReference(r.ref)).toBe('127.0.0.1:5000/app:latest');
  });

  it('schemas: a tag target has no digest; ids or references reach the engine, nothing else', () => {
    expect(imageReferenceSchema.safeParse('busybox').success).toBe(true);
    expect(taggableReferenceSchema.safeParse(`app@sha256:${'b'.repeat(64)}`).success).toBe(false);
    expect(imageRefSchema.safeParse('sha256:' + 'c'.repeat(64)).success).toBe(true);
    expect(imageRefSchema.safeParse('0123456789ab').success).toBe(true);
    expect(imageRefSchema.safeParse('busybox/../../containers').success).toBe(false);
  });
});
