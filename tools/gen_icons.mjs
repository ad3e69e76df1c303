// gen_icons.mjs — draws Lectern's app icon (an open book on a lectern) as SVG and PNGs.
//
//   node tools/gen_icons.mjs OUT_DIR      # icon.svg, icon-192.png, icon-512.png, icon-maskable-512.png
//
// The shapes are defined once, as polygons in a 0..1 square; the SVG writes them as paths and
// the PNGs rasterise them with 4x4 supersampling. No dependencies beyond Node.js (zlib for PNG).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BLUE = [31, 95, 191], WHITE = [251, 251, 249];

// Open book: two pages meeting at the spine; a stand below. Coordinates in a 0..1 square.
const SHAPES = [
  { color: WHITE, points: [[0.20, 0.30], [0.48, 0.36], [0.48, 0.62], [0.20, 0.56]] },
  { color: WHITE, points: [[0.52, 0.36], [0.80, 0.30], [0.80, 0.56], [0.52, 0.62]] },
  { color: WHITE, points: [[0.46, 0.64], [0.54, 0.64], [0.56, 0.80], [0.44, 0.80]] },
  { color: WHITE, points: [[0.32, 0.80], [0.68, 0.80], [0.68, 0.85], [0.32, 0.85]] },
];

function svg() {
  const paths = SHAPES.map((s) => `<path fill="rgb(${s.color})" d="M${s.points.map((p) => p.map((v) => (v * 64).toFixed(2)).join(' ')).join('L')}Z"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="rgb(${BLUE})"/>${paths.join('')}</svg>\n`;
}

function inside(points, x, y) {
  let c = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i], [xj, yj] = points[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

// Maskable icons keep their content inside the central 80% "safe zone" and fill the square.
function rasterise(size, { maskable = false } = {}) {
  const rgba = Buffer.alloc(size * size * 4);
  const radius = maskable ? 0 : 14 / 64, scale = maskable ? 0.8 : 1, offset = (1 - scale) / 2;
  const S = 4;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size, v = (y + (sy + 0.5) / S) / size;
          const dx = Math.max(radius - u, 0, u - (1 - radius)), dy = Math.max(radius - v, 0, v - (1 - radius));
          if (radius && dx * dx + dy * dy > radius * radius) continue;
          const pu = (u - offset) / scale, pv = (v - offset) / scale;
          const shape = SHAPES.find((s) => inside(s.points, pu, pv));
          const c = shape ? shape.color : BLUE;
          r += c[0]; g += c[1]; b += c[2]; a += 255;
        }
      const n = S * S, o = (y * size + x) * 4;
      const cov = a / 255;
      rgba[o] = cov ? Math.round(r / cov) : 0;
      rgba[o + 1] = cov ? Math.round(g / cov) : 0;
      rgba[o + 2] = cov ? Math.round(b / cov) : 0;
      rgba[o + 3] = Math.round(a / n);
    }
  return png(size, size, rgba);
}

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(w, h, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) rgba.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
                        chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = process.argv[2];
if (!out) {
  console.error('usage: node tools/gen_icons.mjs OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon.svg'), svg());
fs.writeFileSync(path.join(out, 'icon-192.png'), rasterise(192));
fs.writeFileSync(path.join(out, 'icon-512.png'), rasterise(512));
fs.writeFileSync(path.join(out, 'icon-maskable-512.png'), rasterise(512, { maskable: true }));
