// X-1's reading of the narrative: its sections cut into sentences and clause groups, and the figures they state.
import { cellAt } from '../../model/cells.ts';
import type { SectionKey } from '../../model/format.ts';
import { parseChineseNumber } from '../../model/numerals.ts';
import { SECTION_KEYS, type Report } from '../../model/report.ts';
import {
  BARE_FIGURES,
  CASE_PART,
  DOC_FIGURES,
  DOC_MENTIONS,
  DOC_PART,
  DOC_SCOPE,
  FIGURES,
  FULLWIDTH,
  NO_CASES,
  NO_DOCS,
  NO_REQUESTS,
  OTHER_PERIOD,
  REQUEST_PART,
  SKIP,
  YEAR_END,
  type Target,
} from './patterns.ts';

/** A figure the narrative states: "予以公开7件" → granted, 7; "未收到政府信息公开申请" → newlyReceived, 0. */
export interface Statement {
  target: Target;
  /** The phrase as written. */
  text: string;
  stated: number;
  /** True for a statement of none ("未收到…申请", "未发生…行政复议"). */
  none: boolean;
  section: SectionKey;
}

/** Reads a figure: Arabic digits, or a Chinese numeral that starts with a digit or 十. */
function figure(s: string): number | null {
  if (/^[\d,]+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (!/^(?:[零〇一二两三四五六七八九]|十)/.test(s)) return null;
  return parseChineseNumber(s);
}

/** The years a sentence names (2019年, 二〇一九年). */
function yearsIn(s: string): number[] {
  return [...s.matchAll(/(?<![\d])(\d{4}|[〇零○一二三四五六七八九]{4})\s*年/g)].map((m) =>
    /\d/.test(m[1]!) ? Number(m[1]) : (parseChineseNumber(m[1]!.replace(/○/g, '〇')) ?? 0),
  );
}

/** Splits a section into sentences: wrapped lines joined, table rows (tabs, pipes) dropped. */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) out.push(current);
    current = '';
  };
  for (const line of text
    .replace(FULLWIDTH, (c) => (c === '％' ? '%' : String(c.charCodeAt(0) - 0xff10)))
    .split(/\r?\n/)) {
    if (/[\t|]/.test(line)) {
      flush();
      continue;
    }
    current += line.trim();
    // A line that does not end a sentence is a wrapped line or an item of a list ("其中：" + lines ending in "；"):
    // join it to the next, so that 其中 keeps its reach.
    if (/[。！？!?]$/.test(current) || line.trim() === '') flush();
  }
  flush();
  return out.flatMap((p) => p.split(/[。！？!?]+/)).filter((s) => s.trim() !== '');
}

/**
 * The figures the narrative of a report states for table 3, table 4 and (2021 format) the 规范性文件 of table 2, in
 * the order written. Only clear statements of the year's total count: clauses after 其中, sentences on another
 * year, clause groups with 占, %, 同比, 含…, and figures qualified as a part (网上收到, 因…无法提供的) are not read.
 */
export function narrativeFigures(report: Report): Statement[] {
  const out: Statement[] = [];
  // Table 2's 本年制发件数 and 现行有效件数 exist in the 2021 format only (the 2019 columns count what was made and
  // published, format-spec §4.1).
  const documents = cellAt(report, ['proactive', 'normativeDocuments', 'inForce']) !== undefined;
  for (const section of SECTION_KEYS) {
    const text = report.sections[section];
    if (!text) continue;
    for (const sentence of sentencesOf(text)) {
      if (OTHER_PERIOD.test(sentence)) continue;
      const years = yearsIn(sentence);
      if (years.length > 0 && (report.year === null || years.some((y) => y !== report.year))) continue;
      const aboutRequests = sentence.includes('申请');
      const aboutCases = section === 'reviewLitigation' || /信息公开|依申请/.test(sentence);
      let rest = false;
      for (let group of sentence.split(/[；;]/)) {
        if (rest) break;
        // 其中 opens a breakdown: what follows it is a part (to the end of the sentence after "其中：").
        const q = group.indexOf('其中');
        if (q >= 0) {
          if (/^其中\s*[:：]/.test(group.slice(q))) rest = true;
          group = group.slice(0, q);
        }
        if (documents) {
          // 现行有效 is counted at the year's end: "截至2022年底" states it rather than a cumulative figure.
          const atYearEnd = group.replace(YEAR_END, '');
          if (!SKIP.test(atYearEnd) && !DOC_SCOPE.test(atYearEnd)) readDocuments(atYearEnd, section, out);
        }
        if (SKIP.test(group)) continue;
        read(group, section, aboutRequests, aboutCases, out);
      }
    }
  }
  return out;
}

/** Reads the statements of one clause group into `out`. */
function read(
  group: string,
  section: SectionKey,
  aboutRequests: boolean,
  aboutCases: boolean,
  out: Statement[],
) {
  const found: (Statement & { at: number })[] = [];
  const clauseBefore = (at: number) =>
    group
      .slice(0, at)
      .split(/[，,：:]/)
      .pop()!;
  for (const { target, re } of FIGURES) {
    const cases = target === 'review' || target === 'litigation';
    if (cases ? !aboutCases : !aboutRequests) continue;
    for (const m of group.matchAll(re)) {
      const stated = figure(m.groups!.n!);
      if (stated === null) continue;
      const before = clauseBefore(m.index);
      if ((cases ? CASE_PART : REQUEST_PART).test(before)) continue;
      // 行政复议和行政诉讼共3件: a figure for both, not for litigation alone.
      if (
        cases &&
        /复议|诉讼/.test(
          before.replace(
            /(?:行政复议|行政诉讼)[^和及与、或]*?[\d零〇一二两三四五六七八九十百千]+[件起宗]/g,
            '',
          ),
        )
      )
        continue;
      found.push({ target, text: m[0], stated, none: false, section, at: m.index });
    }
  }
  for (const m of group.matchAll(NO_REQUESTS))
    found.push({ target: 'newlyReceived', text: m[0], stated: 0, none: true, section, at: m.index });
  if (aboutCases)
    for (const m of group.matchAll(NO_CASES)) {
      if (m.groups!.r)
        found.push({ target: 'review', text: m[0], stated: 0, none: true, section, at: m.index });
      if (m.groups!.l || m.groups!.l2)
        found.push({ target: 'litigation', text: m[0], stated: 0, none: true, section, at: m.index });
    }
  found.sort((a, b) => a.at - b.at);
  for (const f of found)
    out.push({ target: f.target, text: f.text, stated: f.stated, none: f.none, section });
}

/** Reads the table-2 statements of one clause group (2021 format) into `out`. */
function readDocuments(group: string, section: SectionKey, out: Statement[]) {
  const found: (Statement & { at: number })[] = [];
  const both = (docs: string) => docs.startsWith('规章');
  const target = (kind: 'Issued' | 'InForce', docs: string) =>
    `${both(docs) ? 'documents' : 'normative'}${kind}` as Target;
  const clauseBefore = (at: number) =>
    group
      .slice(0, at)
      .split(/[，,：:]/)
      .pop()!;
  const taken: [number, number][] = [];
  for (const { kind, re } of DOC_FIGURES)
    for (const m of group.matchAll(re)) {
      const stated = figure(m.groups!.n!);
      if (stated === null || DOC_PART.test(clauseBefore(m.index))) continue;
      if (taken.some(([a, b]) => m.index < b && a < m.index + m[0].length)) continue;
      taken.push([m.index, m.index + m[0].length]);
      found.push({
        target: target(kind, m.groups!.docs!),
        text: m[0],
        stated,
        none: false,
        section,
        at: m.index,
      });
    }
  for (const m of group.matchAll(NO_DOCS))
    found.push({
      target: target('Issued', m.groups!.docs!),
      text: m[0],
      stated: 0,
      none: true,
      section,
      at: m.index,
    });
  // Bare clauses take the noun of the group, when it names one kind of document only.
  const mentions = [...group.matchAll(DOC_MENTIONS)];
  const kinds = new Set(mentions.map((m) => m[0]));
  if (mentions.length > 0 && kinds.size === 1 && kinds.values().next().value !== '规章') {
    const docs = mentions[0]![0];
    for (const { kind, re } of BARE_FIGURES)
      for (const m of group.matchAll(re)) {
        if (m.index < mentions[0]!.index! || taken.some(([a, b]) => m.index < b && a < m.index + m[0].length))
          continue;
        const stated = figure(m.groups!.n!);
        if (stated === null) continue;
        found.push({ target: target(kind, docs), text: m[0], stated, none: false, section, at: m.index });
      }
  }
  found.sort((a, b) => a.at - b.at);
  for (const f of found)
    out.push({ target: f.target, text: f.text, stated: f.stated, none: f.none, section });
}
