// One code point per glyph in a TrueType font's cmap, so that a PDF's text copies as it was written. A CJK font maps
// some glyphs from two code points: 人 (U+4EBA) and the Kangxi radical ⼈ (U+2F08), 一 and ⼀, 马 and ⻢, 〈 (U+3008)
// and 〈 (U+2329). Chromium's PDF writer (Skia) builds a font's ToUnicode map from its cmap and gives each glyph the
// lowest of its code points, so 人民 printed in Noto Serif SC copies as ⼈⺠. Before the font is served, every code
// point lower than the one kept for its glyph is taken out of the cmap's format 12 subtable (the one FreeType,
// HarfBuzz and so Chromium read): a unified ideograph is kept over a radical, CJK punctuation over its look-alikes.

/** How much a code point is wanted as the text of a glyph: 0 ideographs, 1 CJK and full-width signs, 2 the rest. */
function rank(cp: number): number {
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3134f))
    return 0;
  if ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef)) return 1;
  return 2;
}

/** The code point → glyph map of a format 12 subtable at `at`. */
function readFormat12(font: Buffer, at: number): Map<number, number> {
  const map = new Map<number, number>();
  const groups = font.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const p = at + 16 + 12 * g;
    const [start, end, glyph] = [font.readUInt32BE(p), font.readUInt32BE(p + 4), font.readUInt32BE(p + 8)];
    for (let cp = start; cp <= end; cp++) map.set(cp, glyph + cp - start);
  }
  return map;
}

/** A format 12 subtable for a map: runs of consecutive code points on consecutive glyphs as one group each. */
function writeFormat12(map: Map<number, number>): Buffer {
  const cps = [...map.keys()].sort((a, b) => a - b);
  const groups: [number, number, number][] = [];
  for (const cp of cps) {
    const glyph = map.get(cp)!;
    const last = groups[groups.length - 1];
    if (last && cp === last[1] + 1 && glyph === last[2] + cp - last[0]) last[1] = cp;
    else groups.push([cp, cp, glyph]);
  }
  const out = Buffer.alloc(16 + 12 * groups.length);
  out.writeUInt16BE(12, 0);
  out.writeUInt32BE(out.length, 4);
  out.writeUInt32BE(groups.length, 12);
  groups.forEach(([s, e, g], i) => {
    out.writeUInt32BE(s, 16 + 12 * i);
    out.writeUInt32BE(e, 20 + 12 * i);
    out.writeUInt32BE(g, 24 + 12 * i);
  });
  return out;
}

/** The code points a map gives each glyph: those not kept (see above) taken out. Returns how many were. */
export function oneCodePointPerGlyph(map: Map<number, number>): number {
  const kept = new Map<number, number>();
  for (const [cp, glyph] of map) {
    const k = kept.get(glyph);
    if (k === undefined || rank(cp) < rank(k) || (rank(cp) === rank(k) && cp < k)) kept.set(glyph, cp);
  }
  let removed = 0;
  for (const [cp, glyph] of map)
    if (cp < kept.get(glyph)!) {
      map.delete(cp);
      removed++;
    }
  return removed;
}

/** The 32-bit checksum of a table (zero-padded to four bytes), as the sfnt table directory gives it. */
function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    const tail = Buffer.alloc(4);
    data.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

/**
 * The font with its cmap's format 12 subtables giving one code point per glyph (others, format 4 and 14, as they
 * were); a font without a format 12 subtable is returned as it is. Throws on a file that is not a TrueType font.
 */
export function dedupeCmap(font: Buffer): Buffer {
  if (font.readUInt32BE(0) !== 0x00010000) throw new Error('not a TrueType font (sfnt version 1.0)');
  const count = font.readUInt16BE(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const p = 12 + 16 * i;
    return {
      tag: font.toString('latin1', p, p + 4),
      offset: font.readUInt32BE(p + 8),
      length: font.readUInt32BE(p + 12),
    };
  });
  const cmapEntry = tables.find((t) => t.tag === 'cmap');
  if (!cmapEntry) return font;
  const cmap = font.subarray(cmapEntry.offset, cmapEntry.offset + cmapEntry.length);
  const records = Array.from({ length: cmap.readUInt16BE(2) }, (_, i) => ({
    platform: cmap.readUInt16BE(4 + 8 * i),
    encoding: cmap.readUInt16BE(6 + 8 * i),
    offset: cmap.readUInt32BE(8 + 8 * i),
  }));
  const twelve = records.find((r) => cmap.readUInt16BE(r.offset) === 12);
  if (!twelve) return font;
  const map = readFormat12(cmap, twelve.offset);
  oneCodePointPerGlyph(map);
  const fresh = writeFormat12(map);
  // The new cmap: the records as they were, each subtable once (format 12 ones replaced by the fresh one).
  const blobs = new Map<number, Buffer>();
  const sizeAt = (off: number): number => {
    const format = cmap.readUInt16BE(off);
    if (format === 12 || format === 13 || format === 14 || format === 10 || format === 8)
      return format === 14 ? cmap.readUInt32BE(off + 2) : cmap.readUInt32BE(off + 4);
    return cmap.readUInt16BE(off + 2);
  };
  for (const r of records)
    if (!blobs.has(r.offset))
      blobs.set(
        r.offset,
        cmap.readUInt16BE(r.offset) === 12 ? fresh : cmap.subarray(r.offset, r.offset + sizeAt(r.offset)),
      );
  const head = Buffer.alloc(4 + 8 * records.length);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(records.length, 2);
  const placed = new Map<number, number>();
  let at = head.length;
  const parts: Buffer[] = [head];
  for (const [off, blob] of blobs) {
    placed.set(off, at);
    parts.push(blob);
    at += blob.length;
  }
  records.forEach((r, i) => {
    head.writeUInt16BE(r.platform, 4 + 8 * i);
    head.writeUInt16BE(r.encoding, 6 + 8 * i);
    head.writeUInt32BE(placed.get(r.offset)!, 8 + 8 * i);
  });
  const newCmap = Buffer.concat(parts);
  // The font again, its tables in their order, each at a four-byte boundary. The tables other than cmap and head are
  // the same bytes (not copied: one copy of the whole when joined), with the checksums the directory gave them.
  const dirSize = 12 + 16 * count;
  const dir = Buffer.from(font.subarray(0, dirSize));
  const pieces: Buffer[] = [dir];
  const sums: number[] = [];
  let offset = dirSize;
  const headIndex = tables.findIndex((t) => t.tag === 'head');
  tables.forEach((t, i) => {
    let data = t.tag === 'cmap' ? newCmap : font.subarray(t.offset, t.offset + t.length);
    let sum = font.readUInt32BE(12 + 16 * i + 4);
    if (i === headIndex) {
      data = Buffer.from(data);
      data.writeUInt32BE(0, 8); // checkSumAdjustment, set below
    }
    if (t.tag === 'cmap' || i === headIndex) sum = checksum(data);
    const p = 12 + 16 * i;
    dir.writeUInt32BE(sum, p + 4);
    dir.writeUInt32BE(offset, p + 8);
    dir.writeUInt32BE(data.length, p + 12);
    sums.push(sum);
    pieces.push(data, Buffer.alloc((4 - (data.length % 4)) % 4));
    offset += Math.ceil(data.length / 4) * 4;
  });
  const result = Buffer.concat(pieces);
  if (headIndex >= 0) {
    // The whole file's checksum is the directory's plus every table's (each padded to four bytes).
    const total = sums.reduce((a, b) => (a + b) >>> 0, checksum(dir));
    result.writeUInt32BE((0xb1b0afba - total) >>> 0, dir.readUInt32BE(12 + 16 * headIndex + 8) + 8);
  }
  return result;
}
