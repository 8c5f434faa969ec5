import { describe, expect, it } from 'vitest';
import type { ImageSummary } from '@shared/contract';
import {
  parseBuildArgs,
  splitTags,
  validateBuildForm,
  EMPTY_BUILD_FORM,
} from '../../src/renderer/src/lib/forms/build-form';
import { filterImages, sortImages } from '../../src/renderer/src/views/images/filter';
import { referencesOf, tarNameFor } from '../../src/renderer/src/views/images/references';

const img = (p: Partial<ImageSummary> & { id: string }): ImageSummary => ({
  repoTags: [],
  repoDigests: [],
  size: 0,
  created: 0,
  containers: 0,
  dangling: false,
  labels: {},
  ...p,
});

const images = [
  img({ id: 'sha256:aaa111', repoTags: ['web:1', 'web:latest'], size: 30, created: 3, containers: 2 }),
  img({ id: 'sha256:bbb222', repoTags: [], dangling: true, size: 10, created: 5 }),
  img({ id: 'sha256:ccc333', repoTags: ['api:2'], size: 20, created: 1 }),
];

describe('images view logic', () => {
  it('filters by use and dangling, searches tags and id prefixes', () => {
    expect(filterImages(images, 'dangling', '').map((i) => i.id)).toEqual(['sha256:bbb222']);
    expect(filterImages(images, 'in-use', '').map((i) => i.id)).toEqual(['sha256:aaa111']);
    expect(filterImages(images, 'unused', '').length).toBe(2);
    expect(filterImages(images, 'all', 'LATEST').map((i) => i.id)).toEqual(['sha256:aaa111']);
    expect(filterImages(images, 'all', 'ccc').map((i) => i.id)).toEqual(['sha256:ccc333']);
  });

  it('sorts by name (dangling last either way), size and date', () => {
    expect(sortImages(images, { key: 'name', dir: 'asc' }).map((i) => i.id)).toEqual([
      'sha256:ccc333',
      'sha256:aaa111',
      'sha256:bbb222',
    ]);
    expect(sortImages(images, { key: 'name', dir: 'desc' }).map((i) => i.id)).toEqual([
      'sha256:aaa111',
      'sha256:ccc333',
      'sha256:bbb222',
    ]);
    expect(sortImages(images, { key: 'size', dir: 'desc' }).map((i) => i.size)).toEqual([30, 20, 10]);
    expect(sortImages(images, { key: 'created', dir: 'asc' }).map((i) => i.created)).toEqual([1, 3, 5]);
  });

  it('saves and copies every tag, or the id of a dangling image', () => {
    expect(referencesOf(images[0] as ImageSummary)).toEqual(['web:1', 'web:latest']);
    expect(referencesOf(images[1] as ImageSummary)).toEqual(['sha256:bbb222']);
    expect(tarNameFor(img({ id: 'x', repoTags: ['127.0.0.1:5000/team/app:1.0'] }))).toBe('app-1.0.tar');
  });

  it('build form: tags, build args and paths are checked before anything is sent', () => {
    expect(splitTags('a:1, b:2\nc')).toEqual(['a:1', 'b:2', 'c']);
    expect(parseBuildArgs('A=1\n# c\n\nB=x=y\nC')).toEqual({ args: { A: '1', B: 'x=y', C: '' } });
    expect(parseBuildArgs('1BAD=x').error).toMatch(/line 1/);
    expect(validateBuildForm(EMPTY_BUILD_FORM)).toEqual({ contextPath: 'enter the folder to build from' });
    expect(
      validateBuildForm({
        ...EMPTY_BUILD_FORM,
        contextPath: 'rel/dir',
        dockerfile: '../Dockerfile',
        tags: 'Bad/Tag',
        target: '-x',
      }),
    ).toEqual({
      contextPath: 'the folder must be an absolute path',
      dockerfile: 'the Dockerfile must be inside the folder',
      tags: 'Bad/Tag: the repository name must be lowercase',
      target: 'not a valid stage name',
    });
  });
});
