// The six sections' text, with the words of X-1 findings (a figure the text states that the tables contradict)
// marked in the section they were read from; a mark selects its finding.
import type { ReactNode } from 'react';
import type { FormatDef } from '../../../src/model/format.ts';
import type { ApiDiagnostic } from '../api.ts';
import { useLang, useT, type Messages } from '../i18n.tsx';

const messages: Messages<'absent'> = {
  zh: { absent: '（报告中没有这一部分）' },
  en: { absent: '(the report has no such section)' },
};

/** The text with every occurrence of the findings' stated words marked. */
function marked(text: string, findings: ApiDiagnostic[], onSelect: (d: ApiDiagnostic) => void): ReactNode[] {
  const hits: { at: number; end: number; d: ApiDiagnostic }[] = [];
  for (const d of findings) {
    const words = typeof d.data?.text === 'string' ? d.data.text : '';
    if (!words) continue;
    for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + words.length))
      hits.push({ at, end: at + words.length, d });
  }
  hits.sort((a, b) => a.at - b.at);
  const out: ReactNode[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.at < at) continue;
    out.push(text.slice(at, h.at));
    out.push(
      <mark
        key={`${h.d.id}-${h.at}`}
        className={`x1 s-${h.d.severity}`}
        title={h.d.message}
        data-testid="x1-mark"
        onClick={() => onSelect(h.d)}
      >
        {text.slice(h.at, h.end)}
      </mark>,
    );
    at = h.end;
  }
  out.push(text.slice(at));
  return out;
}

export interface SectionsProps {
  format: FormatDef;
  sections: Record<string, string | null>;
  diagnostics: ApiDiagnostic[];
  onSelect: (d: ApiDiagnostic) => void;
}

export function Sections({ format, sections, diagnostics, onSelect }: SectionsProps) {
  const t = useT(messages);
  const { lang } = useLang();
  const x1 = diagnostics.filter((d) => d.ruleId === 'X-1');
  return (
    <div className="sections" data-testid="sections">
      {format.sections.map((s) => {
        const text = sections[s.key];
        const mine = x1.filter((d) => d.data?.section === s.key);
        return (
          <section key={s.key} data-section={s.key}>
            <h3>{lang === 'zh' ? s.heading : `${s.heading} — ${s.headingEn}`}</h3>
            {text ? (
              text.split(/\n+/).map((para, i) => <p key={i}>{marked(para, mine, onSelect)}</p>)
            ) : (
              <p className="muted">{t('absent')}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
