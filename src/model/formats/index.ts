// The registry of format versions: adding a version is one data file plus one line here.
import type { FormatDef, FormatVersion } from '../format.ts';
import { FORMAT_2019 } from './v2019.ts';
import { FORMAT_2021 } from './v2021.ts';

/** Every known format version, oldest first. */
export const FORMATS: readonly FormatDef[] = [FORMAT_2019, FORMAT_2021];

/** The format definition of a version. */
export function formatOf(version: FormatVersion): FormatDef {
  const f = FORMATS.find((x) => x.version === version);
  if (!f) throw new Error(`unknown format version ${version}`);
  return f;
}

/** The format version that applies to reports on a given year (format-spec §2). */
export function versionForYear(year: number): FormatVersion | null {
  for (const f of FORMATS)
    if (year >= f.years[0] && (f.years[1] === null || year <= f.years[1])) return f.version;
  return null;
}

export { FORMAT_2019, FORMAT_2021 };
