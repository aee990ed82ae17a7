// The Write page's form without a browser: figures read by their column's kind, blank never 0, cells set.
import { describe, expect, it } from 'vitest';
import { blankReport } from '../../../src/model/report.ts';
import { parseFigure, withCell } from './form.ts';

describe('parseFigure', () => {
  it('reads whole numbers ≥ 0 in count columns, and a blank as null', () => {
    expect(parseFigure('12', 'count')).toEqual({ ok: true, value: 12 });
    expect(parseFigure('１２', 'count')).toEqual({ ok: true, value: 12 });
    expect(parseFigure('1,234', 'count')).toEqual({ ok: true, value: 1234 });
    expect(parseFigure('  ', 'count')).toEqual({ ok: true, value: null });
    expect(parseFigure('0', 'count')).toEqual({ ok: true, value: 0 });
    for (const bad of ['-1', '1.5', 'abc', '1e3', '--'])
      expect(parseFigure(bad, 'count')).toEqual({ ok: false, reason: 'count' });
  });
  it('takes a sign in 2019 本年增/减 columns and decimals in amount columns', () => {
    expect(parseFigure('-3', 'signed')).toEqual({ ok: true, value: -3 });
    expect(parseFigure('－3', 'signed')).toEqual({ ok: true, value: -3 });
    expect(parseFigure('-0', 'signed')).toEqual({ ok: true, value: 0 });
    expect(parseFigure('1.5', 'signed')).toEqual({ ok: false, reason: 'signed' });
    expect(parseFigure('12.75', 'amount')).toEqual({ ok: true, value: 12.75 });
    expect(parseFigure('-1', 'amount')).toEqual({ ok: false, reason: 'amount' });
  });
});

describe('withCell', () => {
  it('sets one cell in a new report and leaves the old one as it was', () => {
    const before = blankReport('2021');
    const after = withCell(before, 'requests.denied.stateSecret.naturalPerson', 2);
    expect(after.requests).toMatchObject({ denied: { stateSecret: { naturalPerson: 2, total: null } } });
    expect(before.requests).toMatchObject({ denied: { stateSecret: { naturalPerson: null } } });
    expect(after.proactive).toBe(before.proactive);
  });
  it('refuses a path that is not a cell of the format', () => {
    expect(() => withCell(blankReport('2021'), 'requests.nope.total', 1)).toThrow(
      /no cell requests.nope.total/,
    );
    expect(() => withCell(blankReport('2021'), 'requests.carriedOver.nope', 1)).toThrow(/no cell/);
    expect(() => withCell(blankReport('2021'), 'agency', 1)).toThrow(/not a figure path/);
  });
});
