// Message catalogue of the diagnostics the CLI itself reports (design.md principle 5: wording lives apart from findings).
import type { Lang, MessageCatalogue } from '../model/diagnostic.ts';

/** CLI diagnostics: `read/unreadable` (a file that cannot be opened) and `internal/exception` (a library bug). */
export const MESSAGES = {
  unreadable: {
    zh: '无法读取文件“{file}”：{reason}（{code}）',
    en: 'cannot read file "{file}": {reason} ({code})',
  },
  exception: {
    zh: '处理“{file}”时程序内部出错（请报告此问题）：{error}',
    en: 'internal error while processing "{file}" (please report it): {error}',
  },
} satisfies MessageCatalogue;

/** Plain wording of the OS errors met when opening a file; any other code shows the OS message itself. */
export const OS_REASONS: Record<string, Record<Lang, string>> = {
  ENOENT: { zh: '文件不存在', en: 'no such file' },
  EISDIR: { zh: '这是一个目录，不是文件', en: 'it is a directory, not a file' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EPERM: { zh: '没有读取权限', en: 'operation not permitted' },
  ENOTDIR: { zh: '路径中有一段不是目录', en: 'a part of the path is not a directory' },
  ELOOP: { zh: '符号链接循环', en: 'too many symbolic links' },
  ENAMETOOLONG: { zh: '文件名过长', en: 'file name too long' },
  EMFILE: { zh: '打开的文件过多', en: 'too many open files' },
};
