// One code point per glyph: the radicals and look-alikes that share an ideograph's glyph are taken out of the cmap.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupeCmap, oneCodePointPerGlyph } from './cmap.ts';
import { FACES } from './fonts.ts';

/** The code point → glyph map of a font's (3,10) format 12 subtable. */
function unicodeMap(font: Buffer): Map<number, number> {
  const tables = Array.from({ length: font.readUInt16BE(4) }, (_, i) => 12 + 16 * i);
  const cmapAt = font.readUInt32BE(tables.find((p) => font.toString('latin1', p, p + 4) === 'cmap')! + 8);
  const records = Array.from({ length: font.readUInt16BE(cmapAt + 2) }, (_, i) => cmapAt + 4 + 8 * i);
  const rec = records.find((p) => font.readUInt16BE(p) === 3 && font.readUInt16BE(p + 2) === 10)!;
  const at = cmapAt + font.readUInt32BE(rec + 4);
  expect(font.readUInt16BE(at)).toBe(12);
  const map = new Map<number, number>();
  for (let g = 0; g < font.readUInt32BE(at + 12); g++) {
    const p = at + 16 + 12 * g;
    for (let cp = font.readUInt32BE(p); cp <= font.readUInt32BE(p + 4); cp++)
      map.set(cp, font.readUInt32BE(p + 8) + cp - font.readUInt32BE(p));
  }
  return map;
}

describe('oneCodePointPerGlyph', () => {
  it('keeps the ideograph over a radical, CJK punctuation over a look-alike, else the lowest', () => {
    const map = new Map([
      [0x2f08, 7], // ⼈
      [0x4eba, 7], // 人
      [0x2329, 8], // 〈 (angle bracket)
      [0x3008, 8], // 〈 (CJK)
      [0x20, 9],
      [0xa0, 9],
      [0x4e00, 10],
    ]);
    expect(oneCodePointPerGlyph(map)).toBe(2);
    expect([...map.keys()].sort((a, b) => a - b)).toEqual([0x20, 0xa0, 0x3008, 0x4e00, 0x4eba]);
  });
});

describe('dedupeCmap', () => {
  const require = createRequire(import.meta.url);
  const face = FACES[0]!;
  const original = readFileSync(join(dirname(require.resolve(`${face.pkg}/package.json`)), face.file));
  const fixed = dedupeCmap(original);

  it("leaves no ideograph's glyph to a lower code point, and every other mapping as it was", () => {
    const before = unicodeMap(original);
    const after = unicodeMap(fixed);
    const lowest = new Map<number, number>();
    for (const [cp, g] of after) if (!lowest.has(g) || cp < lowest.get(g)!) lowest.set(g, cp);
    expect(before.get(0x2f08)).toBe(before.get(0x4eba)); // the font does map ⼈ and 人 to one glyph
    expect(after.has(0x2f08)).toBe(false);
    expect(lowest.get(after.get(0x4eba)!)).toBe(0x4eba);
    for (const [cp, g] of after) expect(before.get(cp)).toBe(g);
    expect(before.size - after.size).toBeGreaterThan(200);
    for (let cp = 0x4e00; cp <= 0x9fff; cp++)
      if (before.has(cp)) expect(after.get(cp), cp.toString(16)).toBe(before.get(cp));
  });

  it('writes a well-formed font: the other tables byte for byte, checksums right', () => {
    expect(fixed.readUInt32BE(0)).toBe(0x00010000);
    const tables = (f: Buffer) =>
      Object.fromEntries(
        Array.from({ length: f.readUInt16BE(4) }, (_, i) => {
          const p = 12 + 16 * i;
          return [
            f.toString('latin1', p, p + 4),
            f.subarray(f.readUInt32BE(p + 8), f.readUInt32BE(p + 8) + f.readUInt32BE(p + 12)),
          ];
        }),
      );
    const a = tables(original);
    const b = tables(fixed);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const tag of Object.keys(a))
      if (tag !== 'cmap' && tag !== 'head') expect(b[tag]!.equals(a[tag]!), tag).toBe(true);
    // The whole file sums to 0xB1B0AFBA (head.checkSumAdjustment set so).
    let sum = 0;
    for (let i = 0; i < fixed.length; i += 4) sum = (sum + fixed.readUInt32BE(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });
});
