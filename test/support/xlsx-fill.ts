// Filling nianbao's XLSX template as an author does: a figure typed into each cell that is not a sum, the sums left
// to their formulas, each section's text typed into the box under its heading.
import ExcelJS from 'exceljs';
import { formatOf } from '../../src/model/formats/index.ts';
import type { Report } from '../../src/model/report.ts';
import { officialLayout } from '../../src/render/layout.ts';

/**
 * The template's bytes with `report`'s figures and section texts typed in (exceljs). A formula cell is left to its
 * formula where the report's figure is the sum it gives (a blank where its parts are all blank), and typed over
 * where it is not (a report whose total is wrong is typed as it is). `sectionTexts: false` leaves the boxes empty.
 */
export async function fillTemplate(
  template: Uint8Array,
  report: Report,
  options: { sectionTexts?: boolean } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  const format = formatOf(report.formatVersion);
  const sheetOf = (title: string) => wb.worksheets.find((w) => w.name === title.slice(0, 31))!;
  const cells = new Map<string, ExcelJS.Cell>();
  for (const t of officialLayout(report)) {
    const ws = sheetOf(t.title);
    let top = 1;
    while (ws.getCell(top, 1).value !== t.cells[0]!.text) top++;
    for (const c of t.cells) if (c.role === 'figure') cells.set(c.path!, ws.getCell(top + c.row, 1 + c.col));
  }
  const valueAt = (path: string): number | null => {
    let node: unknown = report;
    for (const k of path.split('.')) node = (node as Record<string, unknown>)[k];
    return (node as number | null) ?? null;
  };
  const refsOf = (formula: string) =>
    /SUM\(([^)]*)\)/
      .exec(formula)![1]!
      .split(',')
      .flatMap((ref) => {
        const [a, b = a] = ref.split(':');
        const ws = [...cells.values()][0]!.worksheet;
        const from = ws.getCell(a!);
        const to = ws.getCell(b!);
        const out: [number, number][] = [];
        for (let r = Number(from.row); r <= Number(to.row); r++)
          for (let c = Number(from.col); c <= Number(to.col); c++) out.push([r, c]);
        return out;
      });
  const byAddress = new Map([...cells].map(([p, c]) => [`${c.worksheet.name}!${c.address}`, p]));
  // A sum's value as the formula gives it from the report's own figures (sums of sums included).
  const formulaValue = (cell: ExcelJS.Cell): number | null => {
    const v = cell.value as { formula?: string } | null;
    if (!v || typeof v !== 'object' || !v.formula)
      return valueAt(byAddress.get(`${cell.worksheet.name}!${cell.address}`)!);
    const parts = refsOf(v.formula).map(([r, c]) => formulaValue(cell.worksheet.getCell(r, c)));
    const figures = parts.filter((x): x is number => x !== null);
    return figures.length ? figures.reduce((a, b) => a + b, 0) : null;
  };
  for (const [path, cell] of cells) {
    const want = valueAt(path);
    const v = cell.value as { formula?: string } | null;
    if (v && typeof v === 'object' && v.formula) {
      if (formulaValue(cell) === want) {
        // exceljs keeps no result it did not compute: store what Excel would show.
        cell.value = want === null ? { formula: v.formula } : { formula: v.formula, result: want };
        continue;
      }
    }
    cell.value = want;
  }
  if (options.sectionTexts ?? true)
    for (const s of format.sections) {
      const text = report.sections[s.key];
      if (!text) continue;
      for (const ws of wb.worksheets)
        for (let r = 1; r <= ws.rowCount; r++)
          if (ws.getCell(r, 1).value === s.heading) ws.getCell(r + 1, 1).value = text;
    }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
