// @ts-check
/**
 * Writers for the two icon containers electron-builder wants, both of which may simply embed PNG
 * files: Windows .ico (ICONDIR + ICONDIRENTRY per image, PNG payloads, Vista+) and macOS .icns
 * ("icns" header + typed chunks; the PNG-capable types since 10.7). Pure: buffers in, buffer out.
 */

/** @typedef {{ size: number, png: Buffer }} SizedPng */

/** @param {Buffer} png @returns {{ width: number, height: number }} */
export function pngSize(png) {
  if (png.length < 24 || png.readUInt32BE(0) !== 0x89504e47 || png.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * .ico with PNG entries; sizes up to 256 (256 is written as 0 in the one-byte fields).
 * @param {SizedPng[]} images
 * @returns {Buffer}
 */
export function writeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    if (size < 1 || size > 256) throw new Error(`an .ico image is 1-256 px, not ${size}`);
    const e = Buffer.alloc(16);
    e.writeUInt8(size === 256 ? 0 : size, 0);
    e.writeUInt8(size === 256 ? 0 : size, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** icns chunk types that hold PNG data, by pixel size (the @2x types reuse the larger renders). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/**
 * .icns from PNGs keyed by pixel size; every type whose size is available is written.
 * @param {Map<number, Buffer>} pngsBySize
 * @returns {Buffer}
 */
export function writeIcns(pngsBySize) {
  const chunks = [];
  for (const [type, size] of ICNS_TYPES) {
    const png = pngsBySize.get(/** @type {number} */ (size));
    if (!png) continue;
    const head = Buffer.alloc(8);
    head.write(/** @type {string} */ (type), 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    chunks.push(head, png);
  }
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}
