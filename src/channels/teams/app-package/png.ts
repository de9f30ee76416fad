// Minimal PNG writing (RGBA, no filter) and header reading, with node:zlib only: no native image library.
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

export type Pixel = (x: number, y: number) => [number, number, number, number];

export function encodePng(width: number, height: number, pixel: Pixel): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export interface PngInfo {
  width: number;
  height: number;
  /** 6 = RGBA, 4 = grey + alpha: the colour types that can be transparent per pixel. */
  colorType: number;
}

export function readPngHeader(data: Buffer): PngInfo | null {
  if (data.length < 33 || !data.subarray(0, 8).equals(SIGNATURE) || data.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), colorType: data[25] ?? -1 };
}

/** A shield, the advisor's mark: inside when (x, y) in 0..1 falls within it. */
function inShield(x: number, y: number): boolean {
  if (y < 0.12 || y > 0.9 || x < 0.18 || x > 0.82) return false;
  if (y < 0.55) return true;
  // The lower half narrows to a point.
  const half = 0.32 * (1 - (y - 0.55) / 0.35);
  return Math.abs(x - 0.5) <= half;
}

/** color.png: white shield on the accent colour, 192×192. */
export function colorIcon(): Buffer {
  const size = 192;
  return encodePng(size, size, (x, y) => (inShield(x / size, y / size) ? [255, 255, 255, 255] : [0x1f, 0x4e, 0x79, 255]));
}

/** outline.png: the shield's outline in white on transparent, 32×32, as Teams requires. */
export function outlineIcon(): Buffer {
  const size = 32;
  return encodePng(size, size, (x, y) => {
    const at = (dx: number, dy: number) => inShield((x + 0.5 + dx) / size, (y + 0.5 + dy) / size);
    const edge = at(0, 0) && (!at(-2, 0) || !at(2, 0) || !at(0, -2) || !at(0, 2));
    return edge ? [255, 255, 255, 255] : [255, 255, 255, 0];
  });
}
