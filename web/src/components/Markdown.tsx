// A rule's documentation page shown as text with a little structure: headings, paragraphs, lists, code blocks and
// inline code. The Markdown is never turned into HTML: every piece is a React text node (links show their text).
import type { ReactNode } from 'react';

type Block =
  | { kind: 'h'; level: number; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'ul'; items: string[] }
  | { kind: 'pre'; text: string };

/** The blocks of a Markdown page (the subset docs/rules uses); HTML comments are dropped. */
export function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/);
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push({ kind: 'p', text: para.join(' ') });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) code.push(lines[i]!);
      out.push({ kind: 'pre', text: code.join('\n') });
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      out.push({ kind: 'h', level: h[1]!.length, text: h[2]! });
      continue;
    }
    const li = /^\s*[-*]\s+(.*)$/.exec(line);
    if (li) {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'ul') last.items.push(li[1]!);
      else out.push({ kind: 'ul', items: [li[1]!] });
      continue;
    }
    if (line.trim() === '') flush();
    else para.push(line.trim());
  }
  flush();
  return out;
}

/** Inline Markdown as text: `code`, **strong**, _emphasis_, [text](link) → text. */
function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\([^)]*\)|(?<![\w])_([^_]+)_(?![\w])/g;
  let at = 0;
  let n = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    if (m[1] !== undefined) out.push(<code key={n++}>{m[1]}</code>);
    else if (m[2] !== undefined) out.push(<strong key={n++}>{m[2]}</strong>);
    else if (m[3] !== undefined) out.push(m[3]);
    else out.push(<em key={n++}>{m[4]}</em>);
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      {blocks(text).map((b, i) => {
        switch (b.kind) {
          case 'h':
            return b.level <= 1 ? <h3 key={i}>{inline(b.text)}</h3> : <h4 key={i}>{inline(b.text)}</h4>;
          case 'p':
            return <p key={i}>{inline(b.text)}</p>;
          case 'ul':
            return (
              <ul key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>{inline(item)}</li>
                ))}
              </ul>
            );
          case 'pre':
            return <pre key={i}>{b.text}</pre>;
        }
      })}
    </div>
  );
}
