// The registry of format versions: adding a version is one data file plus one line here (BUILT_IN).
import type { FormatDef, FormatVersion } from '../format.ts';
import { FORMAT_2019 } from './v2019.ts';
import { FORMAT_2021 } from './v2021.ts';

/** The versions nianbao ships, oldest first. A new version is one data file and one entry here. */
const BUILT_IN: readonly FormatDef[] = [FORMAT_2019, FORMAT_2021];

const registered: FormatDef[] = [...BUILT_IN];
let revision = 0;

/** Every known format version, oldest first (by the first year it applies to). */
export const FORMATS: readonly FormatDef[] = registered;

/**
 * Adds a format version (a test's synthetic one, a provincial variant) to the registry, kept in order of the first
 * year it applies to. Everything derived from the formats (version detection, the table vocabulary, ReportSchema)
 * sees it from then on. A version already known is a programmer mistake and throws.
 */
export function registerFormat(def: FormatDef): FormatDef {
  if (registered.some((f) => f.version === def.version))
    throw new Error(`format version ${def.version} is already registered`);
  registered.push(def);
  registered.sort((a, b) => a.years[0] - b.years[0]);
  revision++;
  return def;
}

/**
 * A value computed from the registered formats once and again after each registration (caches of vocabulary,
 * titles and schemas that would otherwise miss a version registered after they were first used).
 */
export function fromFormats<T>(make: (formats: readonly FormatDef[]) => T): () => T {
  let at = -1;
  let value: T;
  return () => {
    if (at !== revision) {
      value = make(FORMATS);
      at = revision;
    }
    return value;
  };
}

/** The format definition of a version. */
export function formatOf(version: FormatVersion): FormatDef {
  const f = FORMATS.find((x) => x.version === version);
  if (!f) throw new Error(`unknown format version ${version}`);
  return f;
}

/** The format definition of a version, or null for a version nobody registered (user input: `--format 2018`). */
export function findFormat(version: FormatVersion): FormatDef | null {
  return FORMATS.find((x) => x.version === version) ?? null;
}

/**
 * The format version that applies to reports on a given year (format-spec §2): of the versions whose years cover
 * it, the newest (a version registered for later years supersedes one still open-ended).
 */
export function versionForYear(year: number): FormatVersion | null {
  let found: FormatVersion | null = null;
  for (const f of FORMATS)
    if (year >= f.years[0] && (f.years[1] === null || year <= f.years[1])) found = f.version;
  return found;
}

/** The newest format version: the one written where no year decides (`nianbao new`, an aggregate's tie). */
export function latestFormat(): FormatDef {
  return FORMATS[FORMATS.length - 1]!;
}

/** The known versions in words, for help and usage messages: "2019 or 2021", "2019 或 2021". */
export function versionNames(lang: 'zh' | 'en'): string {
  const names = FORMATS.map((f) => f.version);
  const last = names.pop()!;
  return names.length
    ? `${names.join(lang === 'zh' ? '、' : ', ')}${lang === 'zh' ? ' 或 ' : ' or '}${last}`
    : last;
}

export { FORMAT_2019, FORMAT_2021 };
