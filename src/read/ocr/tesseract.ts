// tesseract.js workers, started from the traineddata of the npm packages (no network, nothing cached on disk).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The tesseract.js module. */
export type Tesseract = typeof import('tesseract.js');
/** A tesseract worker. */
export type TesseractWorker = Awaited<ReturnType<Tesseract['createWorker']>>;

/** The directory of a traineddata shipped in the npm packages @tesseract.js-data/chi_sim and …/eng. */
function langPath(lang: 'chi_sim' | 'eng'): string {
  const root = dirname(createRequire(import.meta.url).resolve(`@tesseract.js-data/${lang}/package.json`));
  return join(root, '4.0.0');
}

/** Starts a worker (LSTM only) for a language of the npm data. */
export function startWorker(tesseract: Tesseract, lang: 'chi_sim' | 'eng'): Promise<TesseractWorker> {
  return tesseract.createWorker(lang, tesseract.OEM.LSTM_ONLY, {
    langPath: langPath(lang),
    gzip: true,
    cacheMethod: 'none',
    // Errors reach us as rejected promises; the default handler would print them.
    errorHandler: () => {},
  });
}
