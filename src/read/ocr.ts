// OCR of PDF pages without a text layer: rendered by pdf.js onto @napi-rs/canvas, straightened, ruling lines found
// in the pixels, words read by tesseract.js (chi_sim; unsure figures again by eng, digits only) and given in points.
// One concern per module in ocr/: types, image (render, straighten, rulings, ink pieces), words (what OCR reads made
// fit for the PDF reader), digits (the digits pass), tesseract (its workers), engine (a page read).
export { createOcrEngine, ocrPixels, ocrScale } from './ocr/engine.ts';
export {
  cropInk,
  DIGITS_CONFIDENCE,
  DIGITS_FLOOR,
  digitsCandidate,
  digitsFitInk,
  digitsVerdict,
} from './ocr/digits.ts';
export { despeckle, estimateSkew, findRulings, inkPieces } from './ocr/image.ts';
export {
  OCR_DPI,
  type GreyImage,
  type OcrEngine,
  type OcrPage,
  type OcrSegment,
  type OcrWord,
  type RenderablePage,
} from './ocr/types.ts';
export {
  FIGURE_CONFIDENCE,
  LONE_GLYPH_CONFIDENCE,
  normalizeOcrWord,
  normalizeOcrWords,
  untangle,
} from './ocr/words.ts';
