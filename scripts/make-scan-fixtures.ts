// Makes the scanned-PDF fixtures of src/read/ocr.test.ts: text PDFs of test/fixtures/pdf rendered to images and
// wrapped into image-only PDFs. Needs poppler-utils (pdftoppm); not run by the tests.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'test/fixtures/pdf');
const work = mkdtempSync(join(tmpdir(), 'nianbao-scan-'));

/** How a page is "scanned". */
interface Scan {
  /** Resolution of the image, dots per inch. */
  dpi: number;
  /** Turn of the page on the glass, degrees (clockwise). */
  rotate: number;
  /** Share of pixels flipped at random (dust, speckle). */
  noise: number;
  /** Bits per pixel: 1 (black and white, as office scanners save documents) or 4 (sixteen greys). */
  bits: 1 | 4;
}

/** A small deterministic generator: the same fixture every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * One page as a 1-bit (black and white, as office scanners save documents) or 4-bit grey image: the page rendered in
 * grey, turned, speckled, quantised. Rows are packed to bytes, high values white (DeviceGray).
 */
async function scanPage(png: string, scan: Scan, rnd: () => number) {
  const img = await loadImage(readFileSync(png));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate((scan.rotate * Math.PI) / 180);
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  const { data, width, height } = ctx.getImageData(0, 0, img.width, img.height);
  const stride = Math.ceil((width * scan.bits) / 8);
  const bits = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let v = data[(y * width + x) * 4]!;
      if (scan.noise > 0 && rnd() < scan.noise) v = 255 - v;
      if (scan.bits === 1) {
        if (v >= 150) bits[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
      } else bits[y * stride + (x >> 1)]! |= (v >> 4) << (x & 1 ? 0 : 4);
    }
  return { width, height, bits, depth: scan.bits };
}

/** A PDF of one full-page image per page (A4 in points), written by hand: no text, no fonts. */
function imagePdf(
  pages: { width: number; height: number; bits: Uint8Array; depth: number }[],
  size: [number, number],
): Buffer {
  const objects: (string | Buffer)[] = [];
  const add = (o: string | Buffer) => objects.push(o) + 2; // object numbers from 3 (1 catalog, 2 pages)
  const kids: number[] = [];
  for (const p of pages) {
    const data = deflateSync(p.bits, { level: 9 });
    const image = add(
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceGray ` +
            `/BitsPerComponent ${p.depth} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
        ),
        data,
        Buffer.from('\nendstream'),
      ]),
    );
    const draw = `q ${size[0]} 0 0 ${size[1]} 0 0 cm /Im0 Do Q`;
    const content = add(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size[0]} ${size[1]}] ` +
          `/Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  const all: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
    ...objects,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let pos = parts[0]!.length;
  all.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(o), Buffer.from('\nendobj\n')]);
    offsets.push(pos);
    parts.push(b);
    pos += b.length;
  });
  const xref =
    `xref\n0 ${all.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${all.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

/** Renders `source` (a text PDF of test/fixtures/pdf) and writes it as the image-only `name`.pdf. */
async function make(
  source: string,
  name: string,
  scan: Scan,
  seed: number,
  onlyPage?: number,
): Promise<number> {
  const prefix = join(work, name);
  const range = onlyPage ? ['-f', String(onlyPage), '-l', String(onlyPage)] : [];
  execFileSync('pdftoppm', [
    '-r',
    String(scan.dpi),
    '-gray',
    '-png',
    ...range,
    join(dir, `${source}.pdf`),
    prefix,
  ]);
  const pngs = readdirSync(work)
    .filter((n) => n.startsWith(`${name}-`) && n.endsWith('.png'))
    .sort();
  const rnd = random(seed);
  const pages = [];
  for (const png of pngs) pages.push(await scanPage(join(work, png), scan, rnd));
  const pdf = imagePdf(pages, [595, 842]);
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  if (!onlyPage) copyFileSync(join(dir, `${source}.truth.json`), join(dir, `${name}.truth.json`));
  return pdf.length;
}

const made = [
  ['scan-2019', await make('sample-003', 'scan-2019', { dpi: 200, rotate: 0, noise: 0, bits: 1 }, 1)],
  ['scan-2021', await make('table3-two-pages', 'scan-2021', { dpi: 200, rotate: 0, noise: 0, bits: 1 }, 2)],
  // One page (title and overview): the rule examples and tests of read/ocr, quick to read.
  ['scan-title', await make('v2021', 'scan-title', { dpi: 200, rotate: 0, noise: 0, bits: 1 }, 3, 1)],
] as const;
for (const [name, bytes] of made) console.log(`${name}.pdf: ${Math.round(bytes / 1024)} KB`);
