// Word fixtures made by LibreOffice (DOCX and Word 97 DOC) read back equal to their truth, cell for cell.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../extract/index.ts';
import { FORMATS } from '../model/formats/index.ts';
import { cellsOf, rowValues, type Report } from '../model/report.ts';
import { read } from './index.ts';

const fixtures = new URL('../../test/fixtures/', import.meta.url);
const NAMES = ['000', '001', '002', '003', '004', '2021'];

describe.each(['docx', 'doc'] as const)('%s fixtures', (kind) => {
  it.each(NAMES)('%s', async (name) => {
    const truth = JSON.parse(readFileSync(new URL(`truth/${name}.truth.json`, fixtures), 'utf8')) as Report;
    // Given without an extension: the kind comes from the bytes.
    const doc = await read(new Uint8Array(readFileSync(new URL(`${kind}/${name}.${kind}`, fixtures))), {
      path: name,
    });
    expect(doc.kind).toBe(kind);
    const { report } = extract(doc);
    expect([report!.formatVersion, report!.agency, report!.year]).toEqual([
      truth.formatVersion,
      truth.agency,
      truth.year,
    ]);
    const format = FORMATS.find((f) => f.version === truth.formatVersion)!;
    for (const { table, row, column, path } of cellsOf(format))
      expect({ path: path.join('.'), v: rowValues(report![table.key], row)[column.key] }).toEqual({
        path: path.join('.'),
        v: rowValues(truth[table.key], row)[column.key],
      });
  });
});
