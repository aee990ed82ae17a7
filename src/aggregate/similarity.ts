// Text similarity of two sections: the documented measure behind X-5 (内容雷同) and compareReports.

/**
 * The text a similarity is measured on: NFKC, without whitespace and punctuation, every run of digits replaced by
 * "0". Figures and years change every year while copied prose does not, so a report that only updated its figures
 * still measures as a copy (the 2021 format's （四）明确责任 sanctions "内容雷同", format-spec §3.1, X-5).
 */
export function normalizeForSimilarity(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .replace(/\d+/g, '0');
}

/** The character bigrams of a normalised text with their counts (a single character counts as its own gram). */
function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...text];
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * Similarity of two texts in [0, 1]: the weighted (multiset) Jaccard index of their character bigrams, Σ min ÷ Σ max
 * over the bigram counts, on the normalised texts (normalizeForSimilarity). 1 means the same bigrams as often,
 * 0 none in common. Bigrams suit Chinese, which has no spaces to cut words at, and are insensitive to paragraphs
 * moved around; linear in the length. Null when either text is empty after normalising (nothing to compare).
 */
export function textSimilarity(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  const x = bigrams(normalizeForSimilarity(a));
  const y = bigrams(normalizeForSimilarity(b));
  if (x.size === 0 || y.size === 0) return null;
  let min = 0;
  let max = 0;
  for (const [g, n] of x) {
    const m = y.get(g) ?? 0;
    min += Math.min(n, m);
    max += Math.max(n, m);
  }
  for (const [g, m] of y) if (!x.has(g)) max += m;
  return min / max;
}

/** The length of a text as the similarity measure counts it (characters after normalising). */
export function similarityLength(text: string | null): number {
  return text === null ? 0 : [...normalizeForSimilarity(text)].length;
}
