import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/**
 * A real greyscale PNG whose pattern of dark and light modules is drawn from `seed`, so two scenes give two
 * different images (a stand-in for WeChat's mini-program code, which only WeChat can draw).
 */
export function patternPng(seed: string, size = 280): Buffer {
  const modules = 21;
  const bits = createHash('sha256').update(seed).digest();
  const moduleSize = Math.floor(size / modules);
  const isDark = (x: number, y: number) => {
    const finder = (cx: number, cy: number) => x >= cx && x < cx + 7 && y >= cy && y < cy + 7;
    if (finder(0, 0) || finder(modules - 7, 0) || finder(0, modules - 7)) {
      const ring = Math.max(Math.abs((x % (modules - 7)) - 3), Math.abs((y % (modules - 7)) - 3));
      return ring !== 2;
    }
    const index = y * modules + x;
    return ((bits[index % bits.length] >> (index % 8)) & 1) === 1;
  };
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(size + 1);
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / moduleSize);
      const my = Math.floor(y / moduleSize);
      row[x + 1] = mx < modules && my < modules && isDark(mx, my) ? 0x11 : 0xff;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
