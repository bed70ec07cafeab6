// Label Studio's brush RLE, both ways. The mask is packed as RGBA values (4 per pixel, row
// major) and the value stream is written as big-endian bits:
//   32 bits  number of values (width * height * 4)
//    5 bits  word size - 1 (8-bit words: 7)
//  4 x 4 bits run-length field sizes - 1
// then blocks until every value is written: 1 flag bit (1 = one word repeated, 0 = literal
// words), 2 bits choosing one of the four field sizes, the block length - 1 in that many bits,
// then the repeated word or the literal words. The alpha channel is the mask.

const WORD = 8;
const FIELDS = [3, 6, 10, 16];          // bits of the block length field, by index
const MAX_BLOCK = 1 << FIELDS[3];

class BitWriter {
  constructor() { this.bytes = []; this.acc = 0; this.n = 0; }
  put(value, bits) {
    for (let i = bits - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | (Math.floor(value / 2 ** i) & 1);
      if (++this.n === 8) { this.bytes.push(this.acc); this.acc = 0; this.n = 0; }
    }
  }
  finish() {
    if (this.n) this.bytes.push(this.acc << (8 - this.n));
    this.acc = 0; this.n = 0;
    return this.bytes;
  }
}

class BitReader {
  constructor(bytes) { this.bytes = bytes; this.pos = 0; this.total = bytes.length * 8; }
  take(n) {
    if (this.pos + n > this.total) throw new RangeError("brush rle ends before all its values are decoded");
    let v = 0;
    for (let i = 0; i < n; i++, this.pos++) v = v * 2 + ((this.bytes[this.pos >> 3] >> (7 - (this.pos & 7))) & 1);
    return v;
  }
}

function putBlock(w, length, word) {
  const index = FIELDS.findIndex((bits) => length - 1 < 2 ** bits);
  w.put(1, 1); w.put(index, 2); w.put(length - 1, FIELDS[index]); w.put(word, WORD);
}

/** The RLE (array of byte values) of an alpha mask (Uint8Array width*height); RGB repeat the alpha. */
export function encodeMask(mask, width, height) {
  const count = width * height * 4;
  const w = new BitWriter();
  w.put(count, 32); w.put(WORD - 1, 5);
  for (const bits of FIELDS) w.put(bits - 1, 4);
  const n = width * height;
  for (let i = 0; i < n;) {
    const a = mask[i];
    let j = i + 1;
    while (j < n && mask[j] === a) j++;
    for (let left = (j - i) * 4; left > 0; left -= MAX_BLOCK) putBlock(w, Math.min(left, MAX_BLOCK), a);
    i = j;
  }
  return w.finish();
}

/** Every value an RLE holds (Uint8Array; RGBA interleaved for a brush mask). */
export function decodeRle(rle) {
  const r = new BitReader(rle);
  const count = r.take(32);
  const word = r.take(5) + 1;
  const sizes = [0, 1, 2, 3].map(() => r.take(4) + 1);
  const out = new Uint8Array(count);
  for (let i = 0; i < count;) {
    const repeat = r.take(1);
    const end = Math.min(i + r.take(sizes[r.take(2)]) + 1, count);
    if (repeat) { const v = r.take(word) & 0xff; if (v) out.fill(v, i, end); i = end; } else {
      for (; i < end; i++) out[i] = r.take(word) & 0xff;
    }
  }
  return out;
}

/** The alpha mask (Uint8Array width*height) of a brush RLE; throws when sizes disagree. */
export function decodeMask(rle, width, height) {
  const rgba = decodeRle(rle);
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`brush mask holds ${rgba.length} values but the image is ${width}x${height}`);
  }
  const mask = new Uint8Array(width * height);
  for (let i = 0, j = 3; i < mask.length; i++, j += 4) mask[i] = rgba[j];
  return mask;
}

/**
 * Paint (value 255) or erase (0) the capsule of radius r around segment a-b (image pixels) into
 * `mask`: every pixel whose centre lies within r of the segment. Returns the touched box.
 */
export function paintSegment(mask, width, height, a, b, r, value) {
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - r)), x1 = Math.min(width - 1, Math.ceil(Math.max(a.x, b.x) + r));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - r)), y1 = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + r));
  const dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy, r2 = r * r;
  for (let y = y0; y <= y1; y++) {
    const py = y + 0.5;
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5;
      let t = len2 ? ((px - a.x) * dx + (py - a.y) * dy) / len2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = px - (a.x + t * dx), ey = py - (a.y + t * dy);
      if (ex * ex + ey * ey <= r2) mask[y * width + x] = value;
    }
  }
  return { x0, y0, x1, y1 };
}
