export interface SizedPng {
  size: number;
  png: Buffer;
}
export function pngSize(png: Buffer): { width: number; height: number };
export function writeIco(images: SizedPng[]): Buffer;
export const ICNS_TYPES: Array<[string, number]>;
export function writeIcns(pngsBySize: Map<number, Buffer>): Buffer;
