// The report as PDF: the official HTML page printed by headless Chromium (driven by playwright-core), set in
// Noto Serif SC and Noto Sans SC from npm. The browser is the one npm installs with nianbao (@sparticuz/chromium,
// Linux x64) unless NIANBAO_CHROMIUM or the option names another; `playwright install` is never used.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Report } from '../../model/report.ts';
import { PACKAGE, packagedChromium, packagedPlatform } from './chromium.ts';
import { PRINT_FONTS, printFontFaces, serveFonts } from './fonts.ts';
import { renderHtml, type RenderHtmlOptions } from './html.ts';

/** Options of the PDF renderer. */
export interface PdfOptions extends Omit<RenderHtmlOptions, 'fonts'> {
  /** The Chromium (or Chrome) executable; else env NIANBAO_CHROMIUM, else the packaged browser, else a system one. */
  executablePath?: string;
}

/** The environment variable that names the browser to use instead of the packaged one. */
export const CHROMIUM_ENV = 'NIANBAO_CHROMIUM';

/** The browser to launch, where it came from, and the environment it needs beyond the process's own. */
export interface ChromiumChoice {
  executablePath: string;
  source: 'option' | 'NIANBAO_CHROMIUM' | 'packaged' | 'system';
  env?: Record<string, string>;
}

/** Where systems put Chromium or Chrome: looked at only where the packaged browser cannot run (not Linux x64). */
export const SYSTEM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** How findChromium looks for a browser when none is named (replaceable in tests). */
export interface ChromiumLookup {
  /** The packaged browser, decompressed; undefined where it is not installed or cannot run. */
  packaged: () => Promise<Omit<ChromiumChoice, 'source'> | undefined>;
  /** System paths tried when there is no packaged browser. */
  candidates: readonly string[];
}

const LOOKUP: ChromiumLookup = { packaged: packagedChromium, candidates: SYSTEM_CANDIDATES };

/** How a message names where the browser came from. */
const FROM: Record<ChromiumChoice['source'], string> = {
  option: 'given',
  NIANBAO_CHROMIUM: `from ${CHROMIUM_ENV}`,
  packaged: 'installed with nianbao',
  system: 'found on this system',
};

const OVERRIDE_HINT = `or set ${CHROMIUM_ENV} to the path of a Chromium or Chrome executable`;

/**
 * The browser to launch: the option, else NIANBAO_CHROMIUM, else the packaged one (decompressed on first use),
 * else — only where there is no packaged browser — the first installed of the usual system paths. Throws an Error
 * saying what to do when there is none.
 */
export async function findChromium(
  executablePath?: string,
  lookup: ChromiumLookup = LOOKUP,
): Promise<ChromiumChoice> {
  const env = process.env[CHROMIUM_ENV];
  const given = executablePath ?? env;
  if (given) {
    if (!existsSync(given))
      throw new Error(
        `PDF output needs Chromium, but ${given} (${FROM[executablePath ? 'option' : 'NIANBAO_CHROMIUM']}) does not exist: ` +
          `unset ${CHROMIUM_ENV} to use the browser installed with nianbao, ${OVERRIDE_HINT}.`,
      );
    return { executablePath: given, source: executablePath ? 'option' : 'NIANBAO_CHROMIUM' };
  }
  let packaged: Awaited<ReturnType<ChromiumLookup['packaged']>>;
  try {
    packaged = await lookup.packaged();
  } catch (e) {
    throw new Error(
      `PDF output needs Chromium, but the browser installed with nianbao (${PACKAGE}) could not be unpacked: ` +
        `${e instanceof Error ? e.message : String(e)}. Free some space in ${tmpdir()}, ${OVERRIDE_HINT}.`,
      { cause: e },
    );
  }
  if (packaged) return { ...packaged, source: 'packaged' };
  const found = lookup.candidates.find((p) => existsSync(p));
  if (found) return { executablePath: found, source: 'system' };
  const why = packagedPlatform()
    ? `the one npm installs with nianbao (${PACKAGE}) is missing: run \`npm install\``
    : `the one npm installs with nianbao (${PACKAGE}) runs on Linux x64 only`;
  throw new Error(
    `PDF output needs Chromium, and no browser was found: ${why}; none of ${lookup.candidates.join(', ') || 'no system path'} exists. ` +
      `Install Chromium or Chrome, ${OVERRIDE_HINT}.`,
  );
}

/**
 * Why a browser did not start, in one line: what the program wrote first on its standard error (a missing library,
 * a bad option) and its exit code, from Playwright's browser log; else the first line of Playwright's message.
 */
export function launchFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const said = /^\[pid=\d+\]\[err\] (.*\S)/m.exec(message)?.[1];
  const code = /<process did exit: exitCode=(\d+)/.exec(message)?.[1];
  if (said || code) return [code && `it exited with code ${code}`, said].filter(Boolean).join(': ');
  return message.split('\n')[0]!.replace(/^browserType\.launch: /, '');
}

/**
 * A running browser that prints reports to PDF, one PDF per report; launch once, render many, close. The reports
 * are printed one after another in one page: its fonts (25 MB of TrueType) are fetched and read once, for the
 * first report, and not again for each (a new page for each report would read them again).
 */
export class PdfRenderer {
  private page: Promise<Page> | undefined;
  /** The last render queued: renders run one at a time, in the order asked. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly browser: Browser,
    private readonly options: RenderHtmlOptions,
  ) {}

  /** Starts headless Chromium (found by `findChromium`); throws one clear message when there is none or it fails. */
  static async launch(options: PdfOptions = {}): Promise<PdfRenderer> {
    const choice = await findChromium(options.executablePath);
    let browser: Browser;
    try {
      // --no-sandbox: containers and CI run as root, where Chromium's sandbox refuses to start.
      browser = await chromium.launch({
        executablePath: choice.executablePath,
        headless: true,
        args: ['--no-sandbox'],
        env: { ...process.env, ...choice.env },
      });
    } catch (e) {
      throw new Error(
        `PDF output needs Chromium, but ${choice.executablePath} (${FROM[choice.source]}) did not start (${launchFailure(e)}). ` +
          `Set ${CHROMIUM_ENV} to the path of another Chromium or Chrome executable.`,
        { cause: e },
      );
    }
    const fonts = { css: printFontFaces(), ...PRINT_FONTS };
    return new PdfRenderer(browser, { lang: options.lang, fonts });
  }

  /** The page reports are printed in, made on first use: it asks for nothing but its fonts, served from node_modules. */
  private async newPage(): Promise<Page> {
    const page = await this.browser.newPage();
    await serveFonts(page);
    return page;
  }

  /** The report printed to an A4 PDF in the official layout (margins and page numbers from the page's CSS, GB/T 9704). */
  render(report: Report): Promise<Uint8Array> {
    const run = this.queue.then(async () => {
      let page: Page | undefined;
      try {
        this.page ??= this.newPage();
        page = await this.page;
        // 'load' means laid out with the fonts, and fonts.ready that they have arrived.
        await page.setContent(renderHtml(report, this.options), { waitUntil: 'load' });
        // Evaluated in the page (a string: this project's types have no DOM).
        await page.evaluate('document.fonts.ready.then(() => undefined)');
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } catch (e) {
        // A page that failed once is not trusted with the next report.
        this.page = undefined;
        await page?.close().catch(() => undefined);
        throw e;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Closes the browser. */
  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** One report to PDF: launches a browser, prints the report and closes the browser (use PdfRenderer for many). */
export async function renderPdf(report: Report, options: PdfOptions = {}): Promise<Uint8Array> {
  const renderer = await PdfRenderer.launch(options);
  try {
    return await renderer.render(report);
  } finally {
    await renderer.close();
  }
}
