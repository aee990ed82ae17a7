import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlTooLarge, LIMITS } from './limits.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const limitOf = (page: string) => htmlTooLarge('p.html', bytes(page))?.messageId ?? null;

/** Every web page of the repository and of ../shared (the real ones among them), by path. */
function pages(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) pages(p, out);
    else if (/\.html?$/i.test(e.name)) out.push(p);
  }
  return out;
}

describe('htmlTooLarge: the nesting of a page, bounded from its bytes', () => {
  const nested = (n: number, tag = 'div') => `<body>${`<${tag}>`.repeat(n)}深${`</${tag}>`.repeat(n)}</body>`;

  it('refuses elements nested beyond the limit, and not at the limit', () => {
    expect(limitOf(nested(LIMITS.htmlDepth))).toBeNull();
    expect(limitOf(nested(LIMITS.htmlDepth + 1))).toBe('nesting');
    expect(limitOf(nested(LIMITS.htmlDepth + 1, 'SPAN'))).toBe('nesting');
    // Nested without their end tags, as the fuzz case of seed 1, case 225 (10⁴–2·10⁵ <div>s, some closed).
    expect(limitOf(`<body>${'<div>'.repeat(5000)}深${'</div>'.repeat(2000)}`)).toBe('nesting');
  });

  it('counts what the parser nests: closed elements, unclosed <p>/<li>/<td>, void elements and end tags of others are not', () => {
    expect(limitOf(`<body>${'<div>深</div>'.repeat(50_000)}</body>`)).toBeNull();
    expect(limitOf(`<body>${'<p>深'.repeat(50_000)}</body>`)).toBeNull();
    expect(
      limitOf(`<ul>${'<li>深'.repeat(5000)}</ul><table>${'<tr><td>1<td>2'.repeat(5000)}</table>`),
    ).toBeNull();
    expect(limitOf(`${'<br><img src=x><hr>'.repeat(5000)}`)).toBeNull();
    // An end tag closes an element of its own name only: </b>s do not undo the nesting of <div>s.
    expect(limitOf(`<body>${'<div></b>'.repeat(LIMITS.htmlDepth + 1)}</body>`)).toBe('nesting');
  });

  it('refuses none of the web pages of the repository and of ../shared (crashers aside)', () => {
    const root = new URL('../../', import.meta.url).pathname;
    // ../shared is beside the repository on the machines it was written on, not in a clone elsewhere.
    const shared = join(root, '../shared');
    const files = [
      ...pages(join(root, 'test/fixtures')),
      ...pages(join(root, 'examples')),
      ...(existsSync(shared) ? pages(shared) : []),
    ];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      if (f.includes('crashers')) continue;
      expect(htmlTooLarge(f, new Uint8Array(readFileSync(f))), f).toBeNull();
    }
  });
});
