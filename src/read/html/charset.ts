// The charset of a web page: a BOM decides; else the declared charset, unless the bytes say otherwise; else the
// bytes are sniffed like plain text.
import type { Diagnostic } from '../../model/diagnostic.ts';
import { decodeText, type TextEncodingName } from '../decode.ts';
import { finding } from '../../findings/index.ts';

/** The charset a page declares in its first 4 KiB (<meta charset>, <meta http-equiv>, or an XML prolog). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  if (meta) return meta[1]!.toLowerCase();
  const xml = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return xml ? xml[1]!.toLowerCase() : null;
}

/** The decoder for a declared charset label: GB2312 and GBK are decoded as their superset GB18030. */
function decoderFor(label: string): TextEncodingName | null {
  if (/^(?:utf-?8|unicode-1-1-utf-8)$/.test(label)) return 'utf-8';
  if (
    /^(?:gb2312|gb_2312(?:-80)?|gbk|x-gbk|gb18030|cp936|ms936|windows-936|euc-cn|csgb2312|chinese|iso-ir-58)$/.test(
      label,
    )
  )
    return 'gb18030';
  if (/^(?:big5|big5-hkscs|x-x-big5|cn-big5|csbig5)$/.test(label)) return 'big5';
  return null;
}

const countReplaced = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i !== -1; i = s.indexOf('\uFFFD', i + 1)) n++;
  return n;
};

/**
 * Decodes a page: a BOM decides; else the declared charset, unless the bytes say otherwise (pages lie: a page
 * declaring gb2312 whose bytes are valid UTF-8 is UTF-8; a page declaring UTF-8 that does not decode as UTF-8
 * is sniffed); else the bytes are sniffed like plain text.
 */
export function decodeHtml(
  bytes: Uint8Array,
  file: string,
  diagnostics: Diagnostic[],
): { text: string; encoding: string } {
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = bom ? null : declaredCharset(bytes);
  const label = declared ? decoderFor(declared) : null;
  let text: string;
  let encoding: string;
  let replaced: number;
  if (declared && label) {
    text = new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
    encoding = label;
    replaced = countReplaced(text);
    let nonAscii = false;
    for (let i = 0; i < bytes.length && !nonAscii; i++) nonAscii = bytes[i]! >= 0x80;
    if (nonAscii) {
      const sniffed = decodeText(bytes);
      // Valid UTF-8 is strong evidence against a declared legacy charset; a declared charset that leaves
      // undecodable bytes loses to a sniffed one that leaves fewer.
      const lies =
        sniffed.encoding !== label &&
        ((sniffed.encoding === 'utf-8' && sniffed.replaced === 0 && label !== 'utf-8') ||
          (replaced > 0 && sniffed.replaced * 2 < replaced));
      if (lies) {
        diagnostics.push(
          finding('read/charset', 'charsetMismatch', {
            file,
            declared,
            encoding: sniffed.encoding,
          }),
        );
        text = sniffed.text;
        encoding = sniffed.encoding;
        replaced = sniffed.replaced;
      }
    }
  } else {
    const sniffed = decodeText(bytes);
    text = sniffed.text;
    encoding = sniffed.encoding;
    replaced = sniffed.replaced;
    // A declared Latin charset (iso-8859-1, windows-1252…) over Chinese bytes is a lie too; ASCII agrees with any.
    if (declared && !/^(?:us-)?ascii$/.test(declared) && /[\u0080-\uffff]/.test(text))
      diagnostics.push(finding('read/charset', 'charsetMismatch', { file, declared, encoding }));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (replaced > 0)
    diagnostics.push(finding('read/encoding', 'undecodable', { file, count: replaced, encoding }));
  return { text, encoding };
}
