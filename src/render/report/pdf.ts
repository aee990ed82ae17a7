// The report as PDF: the official HTML page printed by headless Chromium (Debian's chromium, driven by playwright-core).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { Report } from '../../model/report.ts';
import { renderHtml, type RenderHtmlOptions } from './html.ts';

/** Options of the PDF renderer. */
export interface PdfOptions extends RenderHtmlOptions {
  /** The Chromium (or Chrome) executable; else env NIANBAO_CHROMIUM, else the first of the usual Debian paths. */
  executablePath?: string;
}

/** Where Debian, Ubuntu and Google put the browser; `playwright install` is never used (no download). */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The browser to launch: the option, else NIANBAO_CHROMIUM, else the first installed of `candidates` (the usual
 * Debian and Google paths); throws an Error saying how to install one when there is none.
 */
export function findChromium(executablePath?: string, candidates: readonly string[] = CANDIDATES): string {
  const given = executablePath ?? process.env.NIANBAO_CHROMIUM;
  if (given) {
    if (!existsSync(given))
      throw new Error(
        `PDF output needs Chromium, but ${given} does not exist. Install it with \`apt-get install chromium fonts-noto-cjk\`, or set NIANBAO_CHROMIUM to the path of a Chromium or Chrome executable.`,
      );
    return given;
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `PDF output needs Chromium, and no browser was found (looked for ${candidates.join(', ') || 'nothing'}). Install it with \`apt-get install chromium fonts-noto-cjk\`, or set NIANBAO_CHROMIUM to the path of a Chromium or Chrome executable.`,
    );
  return found;
}

/** A running browser that prints reports to PDF, one page per report; launch once, render many, close. */
export class PdfRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly options: RenderHtmlOptions,
  ) {}

  /** Starts headless Chromium (found by `findChromium`); throws with install instructions when there is none. */
  static async launch(options: PdfOptions = {}): Promise<PdfRenderer> {
    const executablePath = findChromium(options.executablePath);
    // --no-sandbox: containers and CI run as root, where Chromium's sandbox refuses to start.
    const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
    return new PdfRenderer(browser, { lang: options.lang });
  }

  /** The report printed to an A4 PDF in the official layout (margins from the page's CSS, GB/T 9704). */
  async render(report: Report): Promise<Uint8Array> {
    const context = await this.browser.newContext();
    try {
      const page = await context.newPage();
      // The page is self-contained: nothing to fetch, so 'load' means laid out with its local fonts.
      await page.setContent(renderHtml(report, this.options), { waitUntil: 'load' });
      // Evaluated in the page (a string: this project's types have no DOM).
      await page.evaluate('document.fonts.ready.then(() => undefined)');
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await context.close();
    }
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
