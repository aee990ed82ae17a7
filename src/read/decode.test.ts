// Tests of decodeText: round trips through iconv-lite in every supported encoding, short and odd inputs, properties.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, type TextEncodingName } from './decode.ts';

const REPORTS_DIR = fileURLToPath(new URL('../../examples/reports/', import.meta.url));
const REPORTS = readdirSync(REPORTS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => [f, readFileSync(REPORTS_DIR + f, 'utf8')] as const);

const YIMA = '义马市人民政府办公室2019年政府信息公开工作年度报告\n一、总体情况\n\t0\n';
const TRADITIONAL =
  '臺北市政府資訊公開工作年度報告\n一、總體情況\n' +
  '本年度本機關依據《政府資訊公開法》主動公開政府資訊共計一百二十條，受理民眾申請案件三十五件，均已依法辦理完畢。\n' +
  '二、主動公開政府資訊情況\n本機關透過網站、公報及新聞稿等方式公開施政計畫、預算、決算及各項統計資料。\n' +
  '三、收到和處理政府資訊公開申請情況\n申請人對處理結果不服者，得依法提起訴願或行政訴訟。\n' +
  '四、存在的主要問題及改進情況\n部分資訊更新不夠及時，明年將加強管理並提升服務品質。\n';

/** The iconv-lite name of each encoding, and whether it has a BOM. */
const ICONV: Record<TextEncodingName, string> = {
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  gb18030: 'gb18030',
  big5: 'big5',
};

function encode(text: string, encoding: string, bom = false): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: bom }));
}

/** Encodes with iconv-lite, checks the encoding can hold the text, decodes, and expects an exact round trip. */
function expectRoundTrip(text: string, encoding: string, expected: TextEncodingName, bom = false): void {
  const bytes = encode(text, encoding, bom);
  expect(iconv.decode(Buffer.from(bytes), encoding, { stripBOM: true })).toBe(text);
  const decoded = decodeText(bytes);
  expect(decoded).toEqual({ text, encoding: expected, bom, replaced: 0 });
}

const UNICODE_CASES: [string, string, TextEncodingName, boolean][] = [
  ['utf-8', 'utf8', 'utf-8', false],
  ['utf-8 with BOM', 'utf8', 'utf-8', true],
  ['utf-16le', 'utf16le', 'utf-16le', false],
  ['utf-16le with BOM', 'utf16le', 'utf-16le', true],
  ['utf-16be', 'utf16be', 'utf-16be', false],
  ['utf-16be with BOM', 'utf16be', 'utf-16be', true],
];
const SIMPLIFIED_CASES: [string, string, TextEncodingName, boolean][] = [
  ...UNICODE_CASES,
  ['gb18030', 'gb18030', 'gb18030', false],
  ['gbk', 'gbk', 'gb18030', false],
  ['gb2312', 'gb2312', 'gb18030', false],
];

describe('decodeText on report text', () => {
  it.each(SIMPLIFIED_CASES)('decodes the 义马市 title in %s', (_name, encoding, expected, bom) => {
    expectRoundTrip(YIMA, encoding, expected, bom);
  });

  for (const [file, text] of REPORTS) {
    it.each(SIMPLIFIED_CASES.filter(([name]) => name !== 'gb2312'))(
      `decodes ${file} in %s`,
      (_name, encoding, expected, bom) => {
        // Some reports hold characters outside GBK; those are compared with what GBK can hold.
        const holdable = encoding === 'gbk' ? iconv.decode(iconv.encode(text, 'gbk'), 'gbk') : text;
        expectRoundTrip(holdable, encoding, expected, bom);
      },
    );
  }

  it('decodes all the example reports together (longer than the scored sample)', () => {
    const all = REPORTS.map(([, text]) => text).join('\n');
    expect(Buffer.byteLength(all)).toBeGreaterThan(1 << 14);
    for (const [, encoding, expected, bom] of SIMPLIFIED_CASES.filter(
      ([name]) => name !== 'gbk' && name !== 'gb2312',
    )) {
      expectRoundTrip(all, encoding, expected, bom);
    }
  });

  it('decodes traditional text in Big5', () => {
    expectRoundTrip(TRADITIONAL, 'big5', 'big5');
    expectRoundTrip('政府資訊公開工作年度報告', 'big5', 'big5');
    expectRoundTrip('申請行政復議', 'big5', 'big5');
  });

  it.each(UNICODE_CASES)('decodes traditional text in %s', (_name, encoding, expected, bom) => {
    expectRoundTrip(TRADITIONAL, encoding, expected, bom);
  });

  it('decodes traditional text in GB18030 as GB18030', () => {
    expectRoundTrip(TRADITIONAL, 'gb18030', 'gb18030');
  });

  it('decodes an HTML page in GB18030', () => {
    const html =
      '<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">' +
      '<title>2019年政府信息公开工作年度报告</title></head>\n<body><table><tr><td>收到和处理政府信息公开申请情况</td>' +
      '<td>0</td></tr></table></body></html>\n';
    expectRoundTrip(html, 'gb18030', 'gb18030');
    expectRoundTrip(html, 'utf8', 'utf-8');
  });

  it('decodes a GB18030 page whose Chinese comes after much ASCII markup', () => {
    const script = `<script>var config = { "menu": [${'"item", '.repeat(5000)}] };</script>\n`;
    const html = `<html><head>${script}</head><body>${REPORTS[2]![1]}</body></html>\n`;
    expect(script.length).toBeGreaterThan(1 << 15);
    for (const [, encoding, expected, bom] of SIMPLIFIED_CASES.filter(
      ([name]) => name === 'gb18030' || name.startsWith('utf-16'),
    )) {
      expectRoundTrip(html, encoding, expected, bom);
    }
    const traditional = `<html><head>${script}</head><body>${TRADITIONAL.repeat(3)}</body></html>\n`;
    expectRoundTrip(traditional, 'big5', 'big5');
  });
});

describe('decodeText on short and ASCII text', () => {
  it.each([
    ['utf8', 'utf-8'],
    ['gb18030', 'gb18030'],
    ['utf16le', 'utf-16le'],
    ['utf16be', 'utf-16be'],
  ] as const)('decodes two characters in %s', (encoding, expected) => {
    for (const text of ['报告', '年度', '总计', '申请']) expectRoundTrip(text, encoding, expected);
  });

  it('decodes two traditional characters in Big5', () => {
    expectRoundTrip('報告', 'big5', 'big5');
    expectRoundTrip('資訊', 'big5', 'big5');
  });

  it('decodes short GB18030 that happens to be valid UTF-8', () => {
    // 息说 is CF A2 CB B5 in GB18030, which is "Ϣ˵" in UTF-8.
    expect(new TextDecoder('utf-8', { fatal: true }).decode(encode('息说', 'gb18030'))).toBe('Ϣ˵');
    expectRoundTrip('息说', 'gb18030', 'gb18030');
    expectRoundTrip('一', 'gb18030', 'gb18030');
  });

  it('keeps short UTF-8 with Latin-1 letters and signs as UTF-8', () => {
    for (const text of ['café', '·', '°C', '×', 'naïve']) expectRoundTrip(text, 'utf8', 'utf-8');
  });

  it('decodes ASCII as UTF-8, however short', () => {
    for (const text of ['Annual report 2019\n', 'ab', '1Y', 'ok', 'x', '0', 'N', '-N', 'hello world']) {
      expectRoundTrip(text, 'utf8', 'utf-8');
    }
  });

  it('decodes ASCII in UTF-16 without BOM by its zero bytes', () => {
    for (const text of ['Annual report 2019\n', 'ab', 'hello world']) {
      expectRoundTrip(text, 'utf16le', 'utf-16le');
      expectRoundTrip(text, 'utf16be', 'utf-16be');
    }
  });

  it('decodes CJK-only UTF-16 without BOM, which has no zero bytes', () => {
    const cjkOnly = REPORTS[0]![1].replace(/[^\u4e00-\u9fff，。、（）]/g, '');
    // Without 一 (U+4E00), 开 (U+5F00) and the like there is not one zero byte.
    const noZeros = cjkOnly.replace(/[\u4e00\u5f00\u6000\u6700\u8a00\u9000\u9700]/g, '');
    expect(encode(noZeros, 'utf16le').includes(0)).toBe(false);
    for (const text of [cjkOnly, noZeros]) {
      expectRoundTrip(text, 'utf16le', 'utf-16le');
      expectRoundTrip(text, 'utf16be', 'utf-16be');
    }
    expectRoundTrip('一、总体情况', 'utf16le', 'utf-16le');
    expectRoundTrip('一、总体情况', 'utf16be', 'utf-16be');
  });

  it('takes UTF-16 without BOM that is all ASCII bytes for ASCII (undecidable)', () => {
    // 中 is U+4E2D: 2D 4E in UTF-16LE, which is also the ASCII text "-N".
    expect(decodeText(encode('中', 'utf16le'))).toEqual({
      text: '-N',
      encoding: 'utf-8',
      bom: false,
      replaced: 0,
    });
  });
});

describe('decodeText on odd input', () => {
  it('decodes empty input as empty UTF-8', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false, replaced: 0 });
  });

  it('strips a lone BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({
      text: '',
      encoding: 'utf-8',
      bom: true,
      replaced: 0,
    });
    expect(decodeText(new Uint8Array([0xff, 0xfe]))).toEqual({
      text: '',
      encoding: 'utf-16le',
      bom: true,
      replaced: 0,
    });
    expect(decodeText(new Uint8Array([0xfe, 0xff]))).toEqual({
      text: '',
      encoding: 'utf-16be',
      bom: true,
      replaced: 0,
    });
  });

  it('keeps a second BOM as U+FEFF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]);
    expect(decodeText(bytes)).toEqual({ text: '\uFEFFA', encoding: 'utf-8', bom: true, replaced: 0 });
  });

  it('counts the replacement of an odd byte at the end of UTF-16 with BOM', () => {
    const bytes = new Uint8Array([...encode('报告', 'utf16le', true), 0x41]);
    expect(decodeText(bytes)).toEqual({ text: '报告\uFFFD', encoding: 'utf-16le', bom: true, replaced: 1 });
  });

  it('keeps damaged UTF-8 as UTF-8 and counts the bad bytes', () => {
    const good = encode(REPORTS[0]![1], 'utf8');
    const damaged = new Uint8Array([...good.subarray(0, 100), 0xff, ...good.subarray(100)]);
    const decoded = decodeText(damaged);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.replaced).toBe(1);
    expect(decoded.text.replace('\uFFFD', '')).toBe(REPORTS[0]![1]);
  });

  it('keeps truncated UTF-8 as UTF-8 and counts the cut character', () => {
    const good = encode(YIMA + YIMA + YIMA, 'utf8');
    const cut = good.subarray(0, good.indexOf(0xe5, 40) + 2); // in the middle of a three-byte character
    const decoded = decodeText(cut);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.replaced).toBe(1);
    expect(decoded.text.endsWith('\uFFFD')).toBe(true);
  });

  it.each([
    ['utf8', 'utf-8'],
    ['gb18030', 'gb18030'],
    ['utf16le', 'utf-16le'],
    ['utf16be', 'utf-16be'],
  ] as const)('tells %s cut at any length from 8 bytes on', (encoding, expected) => {
    for (const [, text] of REPORTS) {
      const bytes = encode(text, encoding);
      for (let length = 8; length <= 300; length++) {
        const decoded = decodeText(bytes.subarray(0, length));
        expect(decoded.encoding, `${length} bytes`).toBe(expected);
        expect(decoded.replaced, `${length} bytes`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('keeps damaged GB18030 as GB18030 and counts the bad bytes', () => {
    const good = encode(REPORTS[1]![1], 'gb18030');
    const damaged = new Uint8Array([...good.subarray(0, 201), 0xff, ...good.subarray(201)]);
    const decoded = decodeText(damaged);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.replaced).toBeGreaterThanOrEqual(1);
    expect(decoded.replaced).toBeLessThanOrEqual(2);
  });

  it('decodes GB18030 after a stray UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(YIMA, 'gb18030')]);
    expect(decodeText(bytes)).toEqual({ text: YIMA, encoding: 'gb18030', bom: true, replaced: 0 });
  });

  it('never throws, and counts every U+FFFD', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const decoded = decodeText(bytes);
        expect(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5']).toContain(decoded.encoding);
        expect(decoded.replaced).toBe(decoded.text.split('\uFFFD').length - 1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('decodeText properties', () => {
  const ascii = fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('\n', '\t', '\r\n'),
  );
  const cjk = fc.oneof(
    fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom(...'，。、（）《》：；“”'),
  );
  const text = fc.string({ unit: fc.oneof(ascii, cjk), maxLength: 60 });

  it('round-trips UTF-8 with and without BOM exactly', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (s, bom) => {
        expect(decodeText(encode(s, 'utf8', bom))).toEqual({ text: s, encoding: 'utf-8', bom, replaced: 0 });
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips UTF-16 with BOM exactly', () => {
    fc.assert(
      fc.property(text, fc.constantFrom<TextEncodingName>('utf-16le', 'utf-16be'), (s, encoding) => {
        const bytes = encode(s, ICONV[encoding], true);
        expect(decodeText(bytes)).toEqual({ text: s, encoding, bom: true, replaced: 0 });
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips UTF-16 without BOM exactly when ASCII zero bytes tell the byte order', () => {
    // ASCII puts a zero high byte in UTF-16; so does a character U+xx00 in its low byte. Zeros beside 0 N _ ` g }
    // are ambiguous (U+3000, 一, 开, 怀, 最, 紀 are common), so the property asks for more of the other ASCII
    // characters than characters U+xx00.
    const decisive = (s: string): boolean => {
      const chars = [...s];
      const asciiZeros = chars.filter((c) => c < '\x80' && !'0N_`g}'.includes(c)).length;
      const lowZeros = chars.filter((c) => c >= '\x80' && (c.charCodeAt(0) & 0xff) === 0).length;
      return asciiZeros > lowZeros;
    };
    fc.assert(
      fc.property(
        text.filter(decisive),
        fc.constantFrom<TextEncodingName>('utf-16le', 'utf-16be'),
        (s, encoding) => {
          const bytes = encode(s, ICONV[encoding]);
          expect(decodeText(bytes)).toEqual({ text: s, encoding, bom: false, replaced: 0 });
        },
      ),
      { numRuns: 500 },
    );
  });
});
