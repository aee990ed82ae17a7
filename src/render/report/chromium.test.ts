// The packaged browser: unpacked once into the temp directory, with its libraries and a font, and found there again.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { packagedChromium, packagedChromiumSource, packagedPlatform, untar } from './chromium.ts';

/** A ustar header block and body for one entry (enough of the format to test the reader's edge cases). */
function entry(name: string, body: string, type = '0'): Uint8Array {
  const header = new Uint8Array(512);
  const put = (at: number, text: string) => header.set(new TextEncoder().encode(text), at);
  put(0, name);
  put(124, `${body.length.toString(8).padStart(11, '0')}\0`);
  put(156, type);
  put(257, 'ustar\u000000');
  const data = new Uint8Array(Math.ceil(body.length / 512) * 512);
  data.set(new TextEncoder().encode(body));
  const out = new Uint8Array(512 + data.length);
  out.set(header);
  out.set(data, 512);
  return out;
}

function archive(...entries: Uint8Array[]): Uint8Array {
  const end = new Uint8Array(1024);
  const all = [...entries, end];
  const out = new Uint8Array(all.reduce((n, e) => n + e.length, 0));
  let at = 0;
  for (const e of all) out.set(e, (at += e.length) - e.length);
  return out;
}

describe('untar', () => {
  it('writes the regular files that match, skips directories, links and paths leaving the directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-untar-'));
    try {
      const tar = archive(
        entry('lib/', '', '5'),
        entry('lib/a.so', 'A'.repeat(700)),
        entry('lib/link.so', '', '2'),
        entry('../evil', 'x'),
        entry('fonts.conf', '<fontconfig/>'),
      );
      expect(untar(tar, dir, /^lib\//)).toEqual(['lib/a.so']);
      expect(readFileSync(join(dir, 'lib/a.so'), 'utf8')).toBe('A'.repeat(700));
      expect(readdirSync(dir)).toEqual(['lib']);
      expect(existsSync(join(dir, '..', 'evil'))).toBe(false);
      expect(untar(tar, dir)).toEqual(['lib/a.so', 'fonts.conf']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the package's own archives", () => {
    const source = packagedChromiumSource();
    if (!packagedPlatform()) return expect(source).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-untar-'));
    try {
      const fonts = untar(
        brotliDecompressSync(readFileSync(join(source!.bin, 'fonts.tar.br'))),
        dir,
        /^fonts\//,
      );
      expect(fonts).toContain('fonts/Open_Sans/OpenSans-Regular.ttf');
      // A TrueType file starts with version 1.0.
      expect([...readFileSync(join(dir, 'fonts/Open_Sans/OpenSans-Regular.ttf')).subarray(0, 4)]).toEqual([
        0, 1, 0, 0,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('packagedChromium', () => {
  it('unpacks the browser with its NSS libraries and a fontconfig of its own, finds it there again; none where it cannot run', async () => {
    const first = await packagedChromium();
    if (!packagedPlatform()) return expect(first).toBeUndefined();
    expect(first).toBeDefined();
    const { executablePath, env, version } = first!;
    const require = createRequire(import.meta.url);
    const pkg = JSON.parse(
      readFileSync(join(dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(version).toBe(pkg.version);
    expect(executablePath).toBe(
      join(tmpdir(), `nianbao-chromium-${version}-${process.getuid!()}`, 'chromium'),
    );
    expect(statSync(executablePath).mode & 0o100).toBe(0o100);
    // Never writable by others: a browser in the shared temp directory that someone else could replace.
    expect(statSync(dirname(executablePath)).mode & 0o022).toBe(0);
    const lib = env.LD_LIBRARY_PATH!.split(':')[0]!;
    expect(existsSync(join(lib, 'libnss3.so'))).toBe(true);
    expect(readFileSync(env.FONTCONFIG_FILE!, 'utf8')).toContain(join(dirname(executablePath), 'fonts'));
    expect(await packagedChromium()).toEqual(first);
  }, 60_000);
});
