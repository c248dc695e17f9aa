// Draws the add-in's icons (16, 32, 64, 80 px PNGs) into addin/assets/: two white arrows chasing
// each other round a blue tile — "sync". Run by hand when the design changes:
//   npx tsx scripts/draw-icons.ts
// Plain Node (zlib) so the repository needs no image tool; 4×4 supersampling smooths the edges.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const TILE: Rgba = [15, 108, 189, 255]; // Fluent "brand" blue #0F6CBD
const ARROW: Rgba = [255, 255, 255, 255];
const SIZES = [16, 32, 64, 80] as const;
const SAMPLES = 4;

/** Which colour covers the point (x, y) of a unit square, or null outside the tile. */
function paint(x: number, y: number): Rgba | null {
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  return isArrow(x - 0.5, y - 0.5) ? ARROW : TILE;
}

/**
 * Two arcs of a ring, each ending in an arrowhead, drawn in polar coordinates and folded so the
 * second arc is the first turned half a circle. The head is a wedge that narrows to its tip.
 */
function isArrow(dx: number, dy: number): boolean {
  const radius = Math.hypot(dx, dy);
  const angle = (Math.atan2(dy, dx) + 2 * Math.PI) % Math.PI;
  const [arcStart, arcEnd, headLength, ringRadius] = [0.3, 2.2, 0.75, 0.25];
  const offset = Math.abs(radius - ringRadius);
  if (angle >= arcStart && angle <= arcEnd) return offset < 0.055;
  if (angle <= arcEnd || angle > arcEnd + headLength) return false;
  return offset < 0.13 * (1 - (angle - arcEnd) / headLength);
}

function pixel(size: number, px: number, py: number): Rgba {
  let [red, green, blue, alphaSum] = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy += 1) {
    for (let sx = 0; sx < SAMPLES; sx += 1) {
      const colour = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
      if (!colour) continue;
      red += colour[0];
      green += colour[1];
      blue += colour[2];
      alphaSum += colour[3];
    }
  }
  if (alphaSum === 0) return [0, 0, 0, 0];
  // Colours are averaged over covered samples only, so edges fade in alpha, not towards black.
  const covered = alphaSum / 255;
  const round = Math.round;
  return [
    round(red / covered),
    round(green / covered),
    round(blue / covered),
    round(alphaSum / (SAMPLES * SAMPLES)),
  ];
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    const row = y * (size * 4 + 1); // each row starts with filter byte 0
    for (let x = 0; x < size; x += 1) raw.set(pixel(size, x, y), row + 1 + x * 4);
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'addin', 'assets');
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const size of SIZES) fs.writeFileSync(path.join(here, `icon-${size}.png`), encodePng(size));
}
