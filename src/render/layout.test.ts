import { describe, expect, it } from 'vitest';
import { FORMATS } from '../model/formats/index.ts';
import { blankReport, cellsOf } from '../model/report.ts';
import { layoutGrid, officialLayout, reportTitle } from './layout.ts';

describe('officialLayout', () => {
  for (const f of FORMATS) {
    it(`covers every grid position exactly once and every model cell once (${f.version})`, () => {
      const report = blankReport(f.version);
      const tables = officialLayout(report);
      for (const t of tables) {
        const covered = new Map<string, number>();
        for (const c of t.cells)
          for (let r = c.row; r < c.row + c.rowSpan; r++)
            for (let k = c.col; k < c.col + c.colSpan; k++)
              covered.set(`${r},${k}`, (covered.get(`${r},${k}`) ?? 0) + 1);
        expect(covered.size, t.key).toBe(t.rows * t.cols);
        expect(
          [...covered.values()].every((n) => n === 1),
          t.key,
        ).toBe(true);
        const grid = layoutGrid(t);
        expect(grid.every((row) => row.length === t.cols && row.every(Boolean))).toBe(true);
      }
      const paths = tables.flatMap((t) => t.cells.filter((c) => c.role === 'figure').map((c) => c.path));
      const expected = [...cellsOf(f)].map(({ path }) => path.join('.'));
      expect(paths).toEqual(expected);
    });
  }

  it('prints the official headers: 申请人情况 over 7 columns, 法人或其他组织 over 5, 行政诉讼 over 10', () => {
    const [, requests, review] = officialLayout(blankReport('2021'));
    const find = (t: typeof requests, text: string) => t!.cells.find((c) => c.text === text)!;
    expect(find(requests, '申请人情况').colSpan).toBe(7);
    expect(find(requests, '法人或其他组织').colSpan).toBe(5);
    expect(find(requests, '自然人').rowSpan).toBe(2);
    expect(find(requests, '三、本年度办理结果').rowSpan).toBeGreaterThan(10);
    expect(requests!.headerRows).toBe(3);
    expect(find(review, '行政诉讼').colSpan).toBe(10);
    expect(review!.cols).toBe(15);
  });

  it('keeps blanks blank and writes figures as they are', () => {
    const report = blankReport('2019');
    (report.requests as { newlyReceived: Record<string, number | null> }).newlyReceived.total = 12;
    const cells = officialLayout(report)[1]!.cells.filter((c) =>
      c.path?.startsWith('requests.newlyReceived.'),
    );
    expect(cells.map((c) => c.text)).toEqual(['', '', '', '', '', '', '12']);
    expect(reportTitle({ ...report, agency: '某市民政局', year: 2019 })).toBe(
      '某市民政局2019年政府信息公开工作年度报告',
    );
  });

  it('says the unit of an amount whose official label does not (2019 采购总金额 is held in 万元)', () => {
    const headers = (v: '2019' | '2021') =>
      officialLayout(blankReport(v))[0]!
        .cells.filter((c) => c.role === 'header')
        .map((c) => c.text);
    expect(headers('2019')).toContain('采购总金额（万元）');
    expect(headers('2021')).toContain('本年收费金额（单位：万元）');
    expect(headers('2021').some((h) => h.includes('（万元）'))).toBe(false);
  });
});
