// Label normalisation and matching: the official labels and their variants are matched by keys, never by position.
import type { LabelMatch } from '../model/format.ts';

const QUOTES = /["'“”‘’「」『』〝〞＂]/g;
const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/**
 * Normalises a label for matching: NFKC (full-width brackets, dots and digits become ASCII), no spaces or line
 * breaks, no quotes (三安全一稳定 is written with “”, "" or none).
 */
export function normalizeLabel(s: string): string {
  return s.normalize('NFKC').replace(SPACES, '').replace(QUOTES, '');
}

const NUMBERING =
  /^(?:[一二三四五六七八九十]+[、.,，]|\([一二三四五六七八九十\d]+\)|\d+[、.,，)]|第[一二三四五六七八九十]+[、.,]?)/;

/** Removes leading numbering such as "一、", "(三)", "1." (repeatedly: "(四)1." → ""). */
export function stripNumbering(normalized: string): string {
  let s = normalized;
  for (let i = 0; i < 3; i++) {
    const m = NUMBERING.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s;
}

/** A compiled matcher: keys normalised once. */
export interface CompiledMatch {
  readonly contains: readonly string[];
  readonly equals: readonly string[];
}

/** Normalises the keys of a LabelMatch. */
export function compileMatch(m: LabelMatch): CompiledMatch {
  return { contains: (m.contains ?? []).map(normalizeLabel), equals: (m.equals ?? []).map(normalizeLabel) };
}

/**
 * Where a normalised label matches: the index of the last occurrence of a key (so that, when header text or a group
 * label runs into a row's own label, the innermost label wins), or -1.
 */
export function matchPosition(normalized: string, m: CompiledMatch): number {
  let best = -1;
  for (const k of m.contains) {
    const i = normalized.lastIndexOf(k);
    if (i > best) best = i;
  }
  if (m.equals.length > 0) {
    // The bare label, or what follows the last item number ("(六)其他处理3.其他" → "其他").
    const bare = stripNumbering(normalized);
    const last = /\d+[.、,]([^\d]*)$/.exec(normalized);
    if (m.equals.includes(bare)) best = Math.max(best, normalized.length - bare.length);
    else if (last && m.equals.includes(last[1]!)) best = Math.max(best, last.index);
  }
  return best;
}
