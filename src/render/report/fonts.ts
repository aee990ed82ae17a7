// The type the PDF is printed in: Noto Serif SC and Noto Sans SC from npm (@expo-google-fonts: Google Fonts' static
// TrueType instances, one file per weight with the whole character set), so that a report looks the same on every
// machine, whatever fonts it has. The page names them with @font-face rules whose files are served to the browser
// from node_modules (page.route): a page set with setContent is about:blank, which may not load file:// URLs.
//
// One file per face, not @fontsource's hundred unicode-range subsets per weight: Chromium embeds each font file it
// used as one font of the PDF, so subsets gave a PDF twenty to thirty fonts (and named them after the variable
// font's default instance, NotoSerifSCExtraLight, NotoSansSCThin, whatever the weight); a whole font gives one
// subset CID TrueType font per face, named NotoSerifSC-Regular and NotoSansSC-Regular, and a third less bytes. A
// whole font maps some glyphs from two code points (人 and the radical ⼈), and the PDF's text would copy as the
// lower: each file is served with one code point per glyph in its cmap (cmap.ts), made once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { dedupeCmap } from './cmap.ts';

/** The families the printed page is set in: serif for the text, the title and page numbers, sans for headings. */
export const PRINT_FONTS = { serif: 'Noto Serif SC', sans: 'Noto Sans SC' } as const;

/** A face: its family, weight, package and the file in it. */
interface Face {
  family: string;
  weight: number;
  pkg: string;
  file: string;
}

/** The faces: 400 for all the type; 700 for bold, should a report's page ever have some (a face never used is never loaded). */
export const FACES: readonly Face[] = [
  { family: PRINT_FONTS.serif, pkg: '@expo-google-fonts/noto-serif-sc', file: 'NotoSerifSC' },
  { family: PRINT_FONTS.sans, pkg: '@expo-google-fonts/noto-sans-sc', file: 'NotoSansSC' },
].flatMap(({ family, pkg, file }) =>
  (
    [
      [400, '400Regular'],
      [700, '700Bold'],
    ] as const
  ).map(([weight, dir]) => ({ family, weight, pkg, file: `${dir}/${file}_${dir}.ttf` })),
);

/** The made-up origin the font files are requested from; page.route answers it, nothing goes to a network. */
export const FONT_ORIGIN = 'https://fonts.nianbao.invalid/';

const require = createRequire(import.meta.url);

/** A package's directory. */
function packageDir(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

/** The URL a face's file is requested from: `<origin><package>/<dir>/<file>.ttf`. */
const urlOf = (f: Face) => `${FONT_ORIGIN}${f.pkg}/${f.file}`;

/** The @font-face rules of the print fonts, one per face, each file's URL on FONT_ORIGIN. */
export function printFontFaces(): string {
  return FACES.map(
    (f) =>
      `@font-face {\n  font-family: '${f.family}';\n  font-style: normal;\n  font-weight: ${f.weight};\n` +
      `  font-display: block;\n  src: url(${urlOf(f)}) format('truetype');\n}`,
  ).join('\n');
}

/** The served bytes of each font file, made on first request. */
const served = new Map<string, Buffer>();

/**
 * Answers the page's requests: the faces' font files from their packages, and nothing else (the printed page is
 * self-contained; any other request is aborted, so printing never reaches a network). Only the URLs of FACES are
 * served: no path a page makes up can reach another file.
 */
export async function serveFonts(page: Page): Promise<void> {
  const files = new Map(FACES.map((f) => [urlOf(f), join(packageDir(f.pkg), f.file)]));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    const path = files.get(url);
    if (path === undefined)
      return url.startsWith(FONT_ORIGIN) ? route.fulfill({ status: 404 }) : route.abort();
    let body = served.get(path);
    if (!body) served.set(path, (body = dedupeCmap(readFileSync(path))));
    // A font is a CORS request, and the page (about:blank) is of another origin.
    return route.fulfill({
      status: 200,
      body,
      contentType: 'font/ttf',
      headers: { 'access-control-allow-origin': '*' },
    });
  });
}
