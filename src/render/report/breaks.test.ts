// Line breaks between words: the words of the official heads and of bodies' names, and the lines they make.
import { describe, expect, it } from 'vitest';
import { blankReport } from '../../model/report.ts';
import { emWidth, lines, titleLines, words } from './breaks.ts';

describe('words', () => {
  it('splits the official heads and group labels into their words, joined they are the text', () => {
    const cases: Record<string, string[]> = {
      商业企业: ['商业', '企业'],
      社会公益组织: ['社会', '公益', '组织'],
      法律服务机构: ['法律', '服务', '机构'],
      结果维持: ['结果', '维持'],
      自然人: ['自然人'],
      '三、本年度办理结果': ['三、', '本年度', '办理', '结果'],
      '（三）不予公开': ['（三）', '不予', '公开'],
      '本年收费金额（单位：万元）': ['本年', '收费', '金额', '（单位：万元）'],
      '第二十条第（一）项': ['第二十条', '第（一）项'],
      义马市人民政府办公室: ['义马市', '人民政府', '办公室'],
    };
    for (const [text, want] of Object.entries(cases)) {
      expect(words(text), text).toEqual(want);
      expect(words(text).join('')).toBe(text);
    }
  });
});

describe('lines', () => {
  it('packs whole words into lines as wide as given, a word too wide broken between characters', () => {
    expect(lines('商业企业', 2.5)).toEqual(['商业', '企业']);
    expect(lines('商业企业', 4)).toEqual(['商业企业']);
    expect(lines('社会公益组织', 4.5)).toEqual(['社会公益', '组织']);
    expect(lines('自然人', 2)).toEqual(['自然', '人']);
    expect(lines('', 3)).toEqual(['']);
  });

  it('measures Latin letters and figures as half a Chinese character', () => {
    expect(emWidth('2019年')).toBeCloseTo(3.2);
  });
});

describe('titleLines', () => {
  const report = (agency: string | null) => ({ ...blankReport('2019'), agency, year: 2019 });

  it('keeps a title that fits on one line, else breaks it after the body, never inside a word', () => {
    expect(titleLines(report('某审计局'), 20)).toEqual(['某审计局2019年政府信息公开工作年度报告']);
    expect(titleLines(report('义马市人民政府办公室'), 20)).toEqual([
      '义马市人民政府办公室',
      '2019年政府信息公开工作年度报告',
    ]);
    // A name longer than a line breaks between its words.
    expect(titleLines(report('中共河南省委机构编制委员会办公室河南省机构编制研究中心'), 20)).toEqual([
      '中共河南省委机构编制委员会办公室河南省',
      '机构编制研究中心',
      '2019年政府信息公开工作年度报告',
    ]);
    expect(titleLines(report(null), 10)).toEqual(['2019年政府信息公开工作年度报告']);
  });
});
