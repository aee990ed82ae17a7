// The Chromium that npm installs with nianbao: @sparticuz/chromium ships a headless Chromium for Linux x64 inside
// the package, brotli-compressed, with the NSS and expat libraries it links and one font. Decompressed once per
// version and user into the temp directory (a few seconds); nothing is downloaded.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createReadStream, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';

/** The npm package that holds the browser. */
export const PACKAGE = '@sparticuz/chromium';

/** A browser ready to launch: its executable and the environment it needs beyond the process's own. */
export interface PackagedChromium {
  executablePath: string;
  env: Record<string, string>;
  /** The package's version (its Chromium's major version). */
  version: string;
}

/**
 * True for a directory of this user's own that nobody else may write to: the temp directory is shared, and a
 * browser planted there by another user must never be run.
 */
function owned(dir: string): boolean {
  const stat = lstatSync(dir);
  return stat.isDirectory() && stat.uid === (process.getuid?.() ?? stat.uid) && (stat.mode & 0o022) === 0;
}

const xml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A fontconfig file for the browser in `dir`: the package's fonts (Open Sans: Chromium cannot print where it
 * finds no font at all, as on a machine without fontconfig), then what the process's fontconfig would read
 * (FONTCONFIG_FILE, else the system's /etc/fonts/fonts.conf), where there is one. A report's page names its own
 * fonts and loads them from npm, so these are only for characters those fonts lack. One file per included file.
 */
function fontConfig(dir: string): string {
  const include =
    process.env.FONTCONFIG_FILE ??
    join(process.env.FONTCONFIG_PATH?.split(':')[0] || '/etc/fonts', 'fonts.conf');
  const text = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${xml(join(dir, 'fonts'))}</dir>
  <cachedir>${xml(join(dir, 'fontconfig-cache'))}</cachedir>
  <include ignore_missing="yes">${xml(include)}</include>
</fontconfig>
`;
  const file = join(dir, `fonts-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.conf`);
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, text);
    renameSync(partial, file);
  }
  return file;
}

/** The package's directory, or undefined when it is not installed (or not resolvable from here). */
function packageDir(): string | undefined {
  try {
    // The CommonJS entry is build/cjs/index.cjs: the package root is three levels up.
    const entry = createRequire(import.meta.url).resolve(PACKAGE);
    return join(dirname(entry), '..', '..');
  } catch {
    return undefined;
  }
}

/** True where the packaged browser can run at all: its binary is a Linux x64 one. */
export function packagedPlatform(platform: string = process.platform, arch: string = process.arch): boolean {
  return platform === 'linux' && arch === 'x64';
}

/**
 * Where the packaged browser is, when it is installed and this machine can run it: the package's compressed files
 * and its version. Cheap (no decompression): for choosing a browser before launching one.
 */
export function packagedChromiumSource(): { bin: string; version: string } | undefined {
  if (!packagedPlatform()) return undefined;
  const dir = packageDir();
  if (!dir || !existsSync(join(dir, 'bin', 'chromium.br'))) return undefined;
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { bin: join(dir, 'bin'), version };
}

/**
 * The regular files of a ustar archive whose paths match `only` (the package's tarballs: `lib/libnss3.so`, …),
 * written under `dir`; returns their paths. A path that would leave `dir` is skipped.
 */
export function untar(archive: Uint8Array, dir: string, only: RegExp = /(?:)/): string[] {
  const written: string[] = [];
  const text = (at: number, length: number) => {
    const bytes = archive.subarray(at, at + length);
    const end = bytes.indexOf(0);
    return new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
  };
  for (let at = 0; at + 512 <= archive.length;) {
    const name = text(at, 100);
    if (name === '') break; // the two zero blocks that end the archive
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const type = text(at + 156, 1);
    const prefix = text(at + 257, 6).startsWith('ustar') ? text(at + 345, 155) : '';
    const path = normalize(prefix ? `${prefix}/${name}` : name);
    const body = at + 512;
    if ((type === '0' || type === '') && !path.startsWith('..') && !path.startsWith(sep) && only.test(path)) {
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, archive.subarray(body, body + size), { mode: 0o755 });
      written.push(path);
    }
    at = body + Math.ceil(size / 512) * 512;
  }
  return written;
}

/**
 * The packaged browser, decompressed into `<tmp>/nianbao-chromium-<version>-<uid>` on first use (later calls
 * find it there). Several processes may do this at once: each decompresses into its own directory and renames
 * it into place, so none ever sees a half-written browser. Undefined when the package is not installed or
 * this is not Linux x64.
 */
export async function packagedChromium(): Promise<PackagedChromium | undefined> {
  const source = packagedChromiumSource();
  if (!source) return undefined;
  const home = join(tmpdir(), `nianbao-chromium-${source.version}-${process.getuid?.() ?? 0}`);
  const usable = (dir: string) => existsSync(join(dir, 'complete')) && owned(dir);
  const ready = (dir: string): PackagedChromium => ({
    executablePath: join(dir, 'chromium'),
    env: {
      // Its own NSS and expat first: the browser needs no system library beyond the C library.
      LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: fontConfig(dir),
    },
    version: source.version,
  });
  if (usable(home)) return ready(home);
  const work = `${home}.${process.pid}.${randomBytes(4).toString('hex')}`;
  mkdirSync(work, { mode: 0o700 });
  try {
    await pipeline(
      createReadStream(join(source.bin, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(work, 'chromium'), { mode: 0o700 }),
    );
    // lib/ (NSS, expat) and fonts/ (Open Sans); the archive's own fonts.conf names AWS Lambda's directories.
    for (const tar of ['al2023.tar.br', 'fonts.tar.br'])
      untar(brotliDecompressSync(readFileSync(join(source.bin, tar))), work, /^(lib|fonts)\//);
    writeFileSync(join(work, 'complete'), `${source.version}\n`);
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
  // Another process may have been first: its directory is complete (it is renamed only when it is) and stays.
  // Anything else there (left half-removed, or not this user's own) is replaced where it can be; where it
  // cannot, this process keeps its own copy.
  try {
    if (!usable(home)) rmSync(home, { recursive: true, force: true });
  } catch {
    // Not this user's to remove: renaming below fails, and this process keeps its own copy.
  }
  try {
    renameSync(work, home);
  } catch {
    if (!usable(home)) return ready(work);
  }
  rmSync(work, { recursive: true, force: true });
  return ready(home);
}
