// DOCX reader: the samples and generated reports written as Word files read back cell for cell; broken files.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { arbBlankyReport, reportCells } from '../../test/support/arbitrary.ts';
import { writeDocx } from '../../test/support/docx-writer.ts';
import { extract } from '../extract/index.ts';
import type { Report } from '../model/report.ts';
import { readDocx } from './docx.ts';
import { read } from './index.ts';
import { readText } from './text.ts';

const cells = (r: Report) => new Map(reportCells(r).map((c) => [c.path, c.value]));
const samples = new URL('../../examples/reports/', import.meta.url);

describe('readDocx', () => {
  for (const name of readdirSync(samples).filter((n) => n.endsWith('.txt'))) {
    it(`reads ${name} written as DOCX like the text`, async () => {
      const truth = extract(readText(readFileSync(new URL(name, samples)))).report!;
      const bytes = writeDocx(truth);
      const doc = await read(bytes, { path: 'x.txt' }); // the name says .txt; the bytes say DOCX
      expect(doc.kind).toBe('docx');
      const got = extract(doc).report!;
      expect([got.formatVersion, got.agency, got.year]).toEqual([
        truth.formatVersion,
        truth.agency,
        truth.year,
      ]);
      expect(cells(got)).toEqual(cells(truth));
      // Provenance: table/row/cell of the Word table.
      expect(got.provenance!['requests.newlyReceived.naturalPerson']!.source).toMatchObject({
        kind: 'docx',
        table: 1,
        row: 3,
      });
    });
  }

  it('reads 200 generated reports with blanks, both versions, cell for cell', () => {
    fc.assert(
      fc.property(arbBlankyReport(), (report) => {
        const got = extract(readDocx(writeDocx(report))).report!;
        expect([got.formatVersion, got.agency, got.year]).toEqual([
          report.formatVersion,
          report.agency,
          report.year,
        ]);
        expect(cells(got)).toEqual(cells(report));
      }),
      { numRuns: 200 },
    );
  });

  it('resolves vertically merged group labels and keeps text boxes', () => {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const xml = `<w:document ${w}><w:body><w:p><w:r><w:t>标题</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p><w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>（三）不予公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1.属于国家秘密</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>2.其他</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`;
    const doc = readDocx(zipSync({ 'word/document.xml': strToU8(xml) }));
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'table'))).toEqual([
      '标题',
      '文本框里的字',
      'table',
    ]);
    const t = doc.blocks[2]!;
    if (t.kind !== 'table') throw new Error('no table');
    expect(t.rows[0]!.cells[0]).toMatchObject({ text: '（三）不予公开', col: 0, rowSpan: 2 });
    expect(t.rows[1]!.cells.map((c) => [c.text, c.col])).toEqual([['2.其他', 1]]);
  });

  it('names a broken or foreign zip with its problem', async () => {
    expect(
      readDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { path: 'a.docx' }).diagnostics[0],
    ).toMatchObject({
      ruleId: 'read/broken',
    });
    const other = zipSync({ 'foo.txt': strToU8('x') });
    expect((await read(other, { path: 'b.docx' })).diagnostics[0]).toMatchObject({
      ruleId: 'read/unsupported',
    });
  });
});
