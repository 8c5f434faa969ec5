import type { Access } from '../../security/method-access';

/**
 * What each containers.* call does, for the per-host policy table (security/method-access.ts).
 * Kept next to the handlers so a new call is classified where it is written. `bulk` can remove,
 * so it counts as deleting; file calls are browsing (only on "full" hosts), uploads included.
 */
export const CONTAINERS_METHOD_ACCESS: Record<string, Access> = {
  'containers.list': 'read',
  'containers.inspect': 'read',
  'containers.top': 'read',
  'containers.prunePreview': 'read',
  'containers.formOptions': 'read',
  'containers.runSpec': 'read',
  'containers.start': 'write',
  'containers.stop': 'write',
  'containers.restart': 'write',
  'containers.pause': 'write',
  'containers.unpause': 'write',
  'containers.kill': 'write',
  'containers.rename': 'write',
  'containers.create': 'write',
  'containers.recreate': 'write',
  'containers.remove': 'delete',
  'containers.prune': 'delete',
  'containers.bulk': 'delete',
  'containers.filesStat': 'browse',
  'containers.filesList': 'browse',
  'containers.filesDownload': 'browse',
  'containers.filesUploadStart': 'browse',
  'containers.filesUploadChunk': 'browse',
  'containers.filesUploadFinish': 'browse',
  'containers.filesUploadAbort': 'browse',
};
