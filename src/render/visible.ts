// Text for a terminal: the control characters a terminal would act on — escape sequences that retitle the window,
/* eslint-disable no-control-regex -- matching control characters is the job of this module */
// move the cursor, recolour or clear; carriage returns that overwrite a line; bidirectional overrides that reorder
// what is shown — made visible instead (ESC as ␛, U+202E as <U+202E>). Report text, agency names and file names
// are hostile input: printed to a terminal they are shown, never obeyed.

/**
 * C0 controls but TAB and LF, DEL, C1 controls, and the bidirectional marks, embeddings, overrides and isolates. A CR
 * is one only alone: before a LF it ends a line (CSV's CRLF), it does not go back over one.
 */
const CONTROL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/** The SGR sequences (colours, bold) that nianbao's own painter writes. */
const SGR = /\u001b\[[0-9;]{0,12}m/g;

function shown(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟ (ESC: ␛, CR: ␍)
  if (code === 0x7f) return '\u2421'; // ␡
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** The text with every control character a terminal acts on made visible. */
export function visible(text: string): string {
  return text.replace(CONTROL, shown);
}

/**
 * Text nianbao writes to a terminal: with `colours`, its own SGR colour sequences are kept and every other control
 * character is made visible; without, all are.
 */
export function terminalText(text: string, colours: boolean): string {
  if (!colours || !text.includes('\u001b[')) return visible(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SGR)) {
    out += visible(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + visible(text.slice(last));
}
