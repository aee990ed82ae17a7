// Detecting the kind of an input from its bytes (magic numbers, zip contents), never from the file name alone.
import { unzipSync } from 'fflate';
import type { InputKind } from '../model/document.ts';

/**
 * Bytes as Latin-1 (one character a byte), for sniffing ASCII markers: Node's own conversion, a tenth of the time of
 * a TextDecoder's windows-1252 (which differs from it only in non-ASCII characters, never matched here).
 */
const latin1 = {
  decode: (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1'),
};

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** The kind of input the bytes are, by content: PDF, DOCX/XLSX (zip), DOC (OLE), HTML, a report's JSON, else text. */
export function detectKind(bytes: Uint8Array): InputKind | 'unknown-binary' {
  if (bytes.length === 0) return 'text';
  // %PDF may follow a few bytes of junk (the spec allows 1024).
  const head = latin1.decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipNames(bytes);
    if (names.some((n) => n === 'word/document.xml')) return 'docx';
    if (names.some((n) => n === 'xl/workbook.xml')) return 'xlsx';
    return 'unknown-binary';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (looksLikeHtml(bytes)) return 'html';
  if (looksLikeJson(bytes)) return 'json';
  return 'text';
}

/** The file names inside a zip (without inflating their contents). */
function zipNames(bytes: Uint8Array): string[] {
  try {
    const names: string[] = [];
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
    return names;
  } catch {
    return [];
  }
}

/** HTML by its first markup: a doctype, <html>, <head>, <body>, <meta>, <table> or <div> near the start. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  // The first 4 KiB as Latin-1 keeps ASCII tags visible whatever the charset (UTF-16 aside, which has zeros).
  const sample = latin1.decode(bytes.subarray(0, 4096)).replace(/\0/g, '').toLowerCase();
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<table[\s>]|<div[\s>]|<p[\s>]/.test(
    sample,
  );
}

/** Whether the bytes start (after a BOM and white space) with "{" or "[": no report text does. */
export function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}
