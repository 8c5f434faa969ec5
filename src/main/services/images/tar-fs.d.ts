/** The part of tar-fs (which ships no types) that the build context and tests use. */
declare module 'tar-fs' {
  import type { Readable, Writable } from 'node:stream';

  export interface TarHeader {
    name: string;
    mode?: number;
    mtime?: Date;
    size?: number;
    type?: string;
    uid?: number;
    gid?: number;
    uname?: string;
    gname?: string;
    linkname?: string;
  }

  export interface PackOptions {
    ignore?: (name: string) => boolean;
    entries?: string[];
    map?: (header: TarHeader) => TarHeader;
    dereference?: boolean;
    strict?: boolean;
  }

  export interface ExtractOptions {
    ignore?: (name: string) => boolean;
    map?: (header: TarHeader) => TarHeader;
  }

  export function pack(cwd: string, opts?: PackOptions): Readable;
  export function extract(cwd: string, opts?: ExtractOptions): Writable;
}
