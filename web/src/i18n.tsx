// Languages of the pages: Chinese by default, English by the switch in the header (kept in localStorage).
// Each page keeps its own messages beside it — `const t = useT(messages)` with `messages = { zh: {...}, en: {...} }`
// — so that the compiler checks that both languages have every key.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';

/** A page's messages: the same keys in both languages. A message may hold {name} placeholders. */
export type Messages<K extends string> = { zh: Record<K, string>; en: Record<K, string> };

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: 'zh',
  setLang: () => undefined,
});

const KEY = 'nianbao.lang';

function initial(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, set] = useState<Lang>(initial);
  const setLang = useCallback((l: Lang) => {
    set(l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem(KEY, l);
    } catch {
      // private mode: the choice lasts the page
    }
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang() {
  return useContext(LangContext);
}

/** Fills {name} placeholders. */
export function fill(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** The translator of a page's messages in the current language. */
export function useT<K extends string>(messages: Messages<K>) {
  const { lang } = useLang();
  return useCallback(
    (key: K, values?: Record<string, string | number>) => fill(messages[lang][key], values),
    [lang, messages],
  );
}

/** A number as the current language writes it (blank for null: a blank cell is not 0). */
export function useNumber() {
  const { lang } = useLang();
  return useMemo(() => {
    const f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
    return (n: number | null | undefined) => (n === null || n === undefined ? '' : f.format(n));
  }, [lang]);
}
