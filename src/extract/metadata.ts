// Agency and year: from the title, or from the preamble ("由…编制", "统计期限…") when there is none.
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Provenance } from '../model/report.ts';
import type { Item } from './items.ts';
import { finding } from '../findings/index.ts';
import { parseChineseNumber } from './numbers.ts';

/** Agency and year with where they came from. */
export interface Metadata {
  agency: string | null;
  year: number | null;
  provenance: Record<string, Provenance>;
  diagnostics: Diagnostic[];
}

const YEAR = /((?:19|20)\d{2}|[二][〇零○Ｏ][一二三四五六七八九〇零○Ｏ]{2})\s*年(?:度)?/;
const TITLE_SUFFIX =
  /(?:关于)?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:的)?(?:年度)?(?:工作)?(?:报告|年报)(?:[（(].*[)）])?$|(?:年度)?(?:工作)?(?:报告|年报)$/;
const PERIOD =
  /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|-|～|~)\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日/;
const COMPILED_BY = /由([\u4e00-\u9fff（）()]{2,40}?)(?:负责)?(?:编制|编写|制作|发布|编印)/;

// A body's name, not a pronoun ("我局", "本机关", "该局").
const BODY =
  '((?![我本该])[\u4e00-\u9fff（）()]{2,25}?(?:人民政府|办公室|办事处|委员会|[府局委办厅室会院署部处所中心队站馆]))';
const PUBLISHES = new RegExp(`现(?:予)?公布${BODY}(?:(?:19|20)\\d{2})年`);
const IN_YEAR = new RegExp(
  `^(?:(?:19|20)\\d{2})年(?:度)?[，,]\\s*${BODY}(?:认真|高度|坚持|深入|全面|按照|严格|紧紧|围绕|以|在|积极|扎实|持续|进一步|继续|始终|着力|聚焦|主动|不断)`,
);
const CHROME =
  /^(?:(?:标题|题目|题名|文章标题|名称|信息名称|title)[:：]|(?:登录|注册|首页|无障碍|长者模式|English|繁體|简体)[|｜/·\s]*|(?:当前位置|您的位置|您现在的位置)[:：].*[>＞»])+/i;

function yearOf(s: string): number | null {
  const v = /^\d+$/.test(s) ? Number(s) : parseChineseNumber(s.replace(/[○Ｏ]/g, '〇'));
  return v !== null && v >= 2000 && v <= 2100 ? v : null;
}

/** Reads agency and year from the items before the first section heading, then from the whole text. */
export function extractMetadata(items: readonly Item[]): Metadata {
  const diagnostics: Diagnostic[] = [];
  const provenance: Record<string, Provenance> = {};
  let agency: string | null = null;
  let titleYear: number | null = null;

  // The title: the paragraphs before the first heading that name a report (a title may be split over two lines).
  const head: Extract<Item, { kind: 'para' }>[] = [];
  for (const it of items) {
    if (it.heading) break;
    if (it.kind === 'row') {
      // A spreadsheet's title cell spanning the sheet ("××局2022年…年度报告 — 二、主动公开政府信息情况") is a title; a
      // metadata box (索引号, 发布机构…) before the title is not.
      const cells = it.cells.filter((c) => c.text.trim() !== '');
      if (cells.length === 1 && /报告|年报/.test(cells[0]!.text) && cells[0]!.text.length <= 80)
        head.push({ kind: 'para', text: cells[0]!.text, source: cells[0]!.source, section: it.section });
      continue;
    }
    if (it.kind === 'para') head.push(it);
    if (head.length >= 6) break;
  }
  // A running header ("XX局政府信息公开工作年度报告") may stand above the real title: a title naming both the
  // agency and the year wins over one naming only one of them.
  let best: {
    agency: string | null;
    year: number | null;
    source: Extract<Item, { kind: 'para' }>['source'];
    text: string;
  } | null = null;
  const score = (x: { agency: string | null; year: number | null }) => (x.agency ? 1 : 0) + (x.year ? 1 : 0);
  for (let i = 0; i < head.length && (!best || score(best) < 2); i++) {
    for (const join of [1, 2]) {
      const parts = head.slice(i, i + join);
      const title = parts.map((p) => p.text.trim()).join('');
      // A sentence ("根据…，现公布区统计局2023年…年度报告。") is not a title: its body is read from it below.
      if (
        title.length > 80 ||
        !/报告|年报/.test(title) ||
        /[。，,；]/.test(title.replace(/[。．.]$/, '')) ||
        /^(?:根据|按照|依据|现(?:予)?公布)/.test(title)
      )
        continue;
      const parsed = parseTitle(title);
      if (score(parsed) > (best ? score(best) : 0))
        best = { ...parsed, source: parts[0]!.source, text: title };
      if (parsed.agency || parsed.year) break;
    }
  }
  if (best) {
    agency = best.agency;
    titleYear = best.year;
    if (agency) provenance.agency = { source: best.source, text: best.text };
    if (titleYear) provenance.year = { source: best.source, text: best.text };
  }

  // The preamble: "本报告……由XX编制", "统计期限为2019年1月1日至12月31日".
  let periodYear: number | null = null;
  for (const it of items) {
    if (it.kind !== 'para') continue;
    if (periodYear === null) {
      const m = PERIOD.exec(it.text);
      if (m) {
        periodYear = Number(m[1]);
        provenance.year ??= { source: it.source, text: m[0] };
      }
    }
    if (agency === null) {
      const m = COMPILED_BY.exec(it.text);
      if (m && /[府局委办厅室会院署部处所中心]$/.test(m[1]!)) {
        agency = m[1]!;
        provenance.agency = { source: it.source, text: m[0] };
      }
    }
    if (agency === null) {
      // The body named only in the first sentence: "现公布区统计局2023年…", "2020年，县审计局认真…".
      const m = PUBLISHES.exec(it.text) ?? IN_YEAR.exec(it.text);
      if (m) {
        agency = m[1]!;
        provenance.agency = { source: it.source, text: m[0] };
      }
    }
    if (periodYear !== null && agency !== null) break;
  }

  let year = titleYear ?? periodYear;
  if (titleYear !== null && periodYear !== null && titleYear !== periodYear) {
    diagnostics.push(
      finding(
        'extract/year-conflict',
        'yearConflict',
        { title: titleYear, period: periodYear },
        { path: ['year'] },
      ),
    );
    year = periodYear;
  }
  if (agency === null)
    diagnostics.push(finding('extract/agency-missing', 'agencyMissing', {}, { path: ['agency'] }));
  if (year === null) diagnostics.push(finding('extract/year-missing', 'yearMissing', {}, { path: ['year'] }));
  return { agency, year, provenance, diagnostics };
}

/** Splits a title such as "义马市人民政府办公室2019年政府信息公开工作年度报告" into agency and year. */
export function parseTitle(title: string): { agency: string | null; year: number | null } {
  let t = title
    .replace(/[\s\u3000]+/g, '')
    .replace(/[《》“”"]/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  // A crawler's field name ("标题:") or page chrome ("登录|注册", "当前位置：首页>…>") glued before the title; the sheet
  // or section it heads written after it ("… — 二、主动公开政府信息情况").
  t = t
    .replace(CHROME, '')
    .replace(/(?:[—–\-－]+|[:：])(?:[一二三四五六][、.．]|第[一二三四五六]部分|表[一二三四]).*$/, '');
  const m = YEAR.exec(t);
  const year = m ? yearOf(m[1]!) : null;
  if (m) t = t.slice(0, m.index) + t.slice(m.index + m[0].length);
  t = t
    .replace(TITLE_SUFFIX, '')
    .replace(/^关于/, '')
    .replace(/(?:关于|的)$/, '');
  t = t.replace(/[、,，:：\-—]+$/, '').replace(/^[、,，:：\-—]+/, '');
  return { agency: t.length >= 2 && t.length <= 50 && /[\u4e00-\u9fff]/.test(t) ? t : null, year };
}
