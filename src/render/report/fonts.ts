// The type the PDF is printed in: Noto Serif SC and Noto Sans SC from npm (@fontsource), so that a report looks the
// same on every machine, whatever fonts it has. The page names them with @font-face rules whose files are served to
// the browser from node_modules (page.route): a page set with setContent is about:blank, which may not load
// file:// URLs. Each weight comes in about a hundred unicode-range subsets, and the browser loads only those the
// report's characters fall in (a report needs some twenty: a few MB).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';

/** The families the printed page is set in: serif for the text, the title and page numbers, sans for headings. */
export const PRINT_FONTS = { serif: 'Noto Serif SC', sans: 'Noto Sans SC' } as const;

/** The packages and the weights used: 400 for all the type; 700 for bold, should a report's page ever have some. */
const FACES = [
  { pkg: '@fontsource/noto-serif-sc', weights: [400, 700] },
  { pkg: '@fontsource/noto-sans-sc', weights: [400, 700] },
] as const;

/** The made-up origin the font files are requested from; page.route answers it, nothing goes to a network. */
export const FONT_ORIGIN = 'https://fonts.nianbao.invalid/';

const require = createRequire(import.meta.url);

/** A package's files/ directory. */
function filesDir(pkg: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), 'files');
}

let css: string | undefined;

/**
 * The @font-face rules of the print fonts, each file's URL on FONT_ORIGIN (`<origin><package>/<file>.woff2`).
 * Only the WOFF2 sources are kept (Chromium reads them).
 */
export function printFontFaces(): string {
  css ??= FACES.flatMap(({ pkg, weights }) =>
    weights.map((w) =>
      readFileSync(require.resolve(`${pkg}/${w}.css`), 'utf8')
        .replace(
          /url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\)(, url\([^)]+\) format\('woff'\))?/g,
          (_, file) => `url(${FONT_ORIGIN}${pkg}/${file}) format('woff2')`,
        )
        .replace(/\/\*[^*]*\*\/\n/g, ''),
    ),
  ).join('\n');
  return css;
}

/**
 * Answers the page's requests: font files on FONT_ORIGIN from the packages' files/ directories, and nothing else
 * (the printed page is self-contained; any other request is aborted, so printing never reaches a network).
 */
export async function serveFonts(page: Page): Promise<void> {
  const dirs = new Map<string, string>(FACES.map(({ pkg }) => [pkg, filesDir(pkg)]));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    const m = url.startsWith(FONT_ORIGIN)
      ? /^(@[\w-]+\/[\w-]+)\/([\w.-]+\.woff2)$/.exec(url.slice(FONT_ORIGIN.length))
      : null;
    const dir = m ? dirs.get(m[1]!) : undefined;
    if (!m || !dir) return route.abort();
    let body: Buffer;
    try {
      body = readFileSync(join(dir, m[2]!));
    } catch {
      return route.fulfill({ status: 404 });
    }
    // A font is a CORS request, and the page (about:blank) is of another origin.
    return route.fulfill({
      status: 200,
      body,
      contentType: 'font/woff2',
      headers: { 'access-control-allow-origin': '*' },
    });
  });
}
