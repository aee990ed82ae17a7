// Upload many files or a whole folder (drag and drop, or the two pickers): sent in one multipart request with its
// progress, then each file's result as the server reads it (server-sent events of the batch).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { CSRF, type Batch, type FileResult } from '../api.ts';
import { useT, type Messages } from '../i18n.tsx';

const messages: Messages<
  | 'drop'
  | 'files'
  | 'folder'
  | 'sending'
  | 'reading'
  | 'done'
  | 'failed'
  | 'region'
  | 'regionHint'
  | 'status_queued'
  | 'status_reading'
  | 'status_imported'
  | 'status_new-version'
  | 'status_unchanged'
  | 'status_unreadable'
  | 'status_refused'
  | 'status_failed'
  | 'errors'
  | 'warnings'
  | 'open'
> = {
  zh: {
    drop: '把年报文件或文件夹拖到这里（TXT、HTML、DOCX、DOC、PDF、XLSX、JSON 或 ZIP）',
    files: '选择文件…',
    folder: '选择文件夹…',
    sending: '正在上传 {done}/{total} KB',
    reading: '已读 {done}/{total} 个文件',
    done: '完成：{total} 个文件',
    failed: '上传失败：{message}',
    region: '归属地区',
    regionHint: '如 河南省/三门峡市（可不填）',
    status_queued: '排队中',
    status_reading: '读取中',
    status_imported: '已入库',
    'status_new-version': '新版本',
    status_unchanged: '未变化',
    status_unreadable: '无法读取',
    status_refused: '已拒收',
    status_failed: '失败',
    errors: '错误',
    warnings: '警告',
    open: '查看',
  },
  en: {
    drop: 'Drop report files or folders here (TXT, HTML, DOCX, DOC, PDF, XLSX, JSON or ZIP)',
    files: 'Choose files…',
    folder: 'Choose a folder…',
    sending: 'Uploading {done}/{total} KB',
    reading: '{done}/{total} files read',
    done: 'Done: {total} files',
    failed: 'Upload failed: {message}',
    region: 'Region',
    regionHint: 'e.g. 河南省/三门峡市 (optional)',
    status_queued: 'queued',
    status_reading: 'reading',
    status_imported: 'stored',
    'status_new-version': 'new version',
    status_unchanged: 'unchanged',
    status_unreadable: 'unreadable',
    status_refused: 'refused',
    status_failed: 'failed',
    errors: 'errors',
    warnings: 'warnings',
    open: 'open',
  },
};

/** The files of a drop, folders walked (a folder dropped gives its files with their relative paths). */
async function droppedFiles(event: DragEvent): Promise<{ file: File; path: string }[]> {
  const out: { file: File; path: string }[] = [];
  const entries = [...event.dataTransfer.items]
    .map((i) => (i.kind === 'file' ? i.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return [...event.dataTransfer.files].map((file) => ({ file, path: file.name }));
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
      out.push({ file, path: prefix + entry.name });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries gives at most 100 entries a call: call until it gives none.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (batch.length === 0) break;
        for (const e of batch) await walk(e, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; loaded: number; total: number }
  | { kind: 'reading' }
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

export function Upload() {
  const t = useT(messages);
  const client = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const [region, setRegion] = useState('');
  const [results, setResults] = useState<FileResult[]>([]);
  const [total, setTotal] = useState(0);
  const source = useRef<EventSource | null>(null);
  useEffect(() => () => source.current?.close(), []);

  const follow = useCallback(
    (batchId: string) => {
      source.current?.close();
      const events = new EventSource(`/api/batches/${batchId}/events`);
      source.current = events;
      events.addEventListener('file', (e) => {
        const file = JSON.parse((e as MessageEvent<string>).data) as FileResult;
        setResults((rs) => rs.map((r) => (r.index === file.index ? file : r)));
      });
      events.addEventListener('done', (e) => {
        const batch = JSON.parse((e as MessageEvent<string>).data) as Batch;
        setResults(batch.files);
        setPhase({ kind: 'done' });
        events.close();
        void client.invalidateQueries();
      });
    },
    [client],
  );

  const send = useCallback(
    (files: { file: File; path: string }[]) => {
      if (files.length === 0) return;
      const form = new FormData();
      for (const f of files) form.append('file', f.file, f.path);
      setTotal(files.length);
      setResults(
        files.map((f, index) => ({
          index,
          file: f.path,
          status: 'queued',
          reportId: null,
          counts: { errors: 0, warnings: 0 },
          diagnostics: [],
        })),
      );
      // XMLHttpRequest, not fetch: only it reports the upload's progress.
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/files${region.trim() ? `?region=${encodeURIComponent(region.trim())}` : ''}`);
      for (const [k, v] of Object.entries(CSRF)) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => setPhase({ kind: 'sending', loaded: e.loaded, total: e.total });
      xhr.onerror = () => setPhase({ kind: 'failed', message: 'network' });
      xhr.onload = () => {
        let body: { batchId?: string; error?: { message: string } } = {};
        try {
          body = JSON.parse(xhr.responseText) as typeof body;
        } catch {
          // not JSON
        }
        if (xhr.status === 202 && body.batchId) {
          setPhase({ kind: 'reading' });
          follow(body.batchId);
        } else setPhase({ kind: 'failed', message: body.error?.message ?? `${xhr.status}` });
      };
      setPhase({ kind: 'sending', loaded: 0, total: 1 });
      xhr.send(form);
    },
    [follow, region],
  );

  const finished = results.filter((r) => r.status !== 'queued' && r.status !== 'reading').length;
  return (
    <section className="upload">
      <div
        className={`drop${over ? ' over' : ''}`}
        data-testid="drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void droppedFiles(e).then(send);
        }}
      >
        <p>{t('drop')}</p>
        <div className="pickers">
          <label className="button">
            {t('files')}
            <input
              type="file"
              multiple
              data-testid="pick-files"
              onChange={(e) => {
                send([...(e.target.files ?? [])].map((file) => ({ file, path: file.name })));
                e.target.value = '';
              }}
            />
          </label>
          <label className="button">
            {t('folder')}
            <input
              type="file"
              multiple
              data-testid="pick-folder"
              {...{ webkitdirectory: '' }}
              onChange={(e) => {
                send(
                  [...(e.target.files ?? [])].map((file) => ({
                    file,
                    path: file.webkitRelativePath || file.name,
                  })),
                );
                e.target.value = '';
              }}
            />
          </label>
          <label className="region-input">
            {t('region')}{' '}
            <input value={region} placeholder={t('regionHint')} onChange={(e) => setRegion(e.target.value)} />
          </label>
        </div>
      </div>
      {phase.kind !== 'idle' && (
        <div className="progress" role="status" data-testid="upload-status">
          {phase.kind === 'sending' &&
            t('sending', { done: Math.round(phase.loaded / 1024), total: Math.round(phase.total / 1024) })}
          {phase.kind === 'reading' && t('reading', { done: finished, total })}
          {phase.kind === 'done' && t('done', { total })}
          {phase.kind === 'failed' && <span className="bad">{t('failed', { message: phase.message })}</span>}
          {phase.kind !== 'failed' && (
            <progress
              max={phase.kind === 'sending' ? phase.total : total}
              value={phase.kind === 'sending' ? phase.loaded : finished}
            />
          )}
        </div>
      )}
      {results.length > 0 && (
        <ol className="batch" data-testid="batch">
          {results.map((r) => (
            <li key={r.index} className={`st-${r.status}`}>
              <span className="name">{r.file}</span>
              <span className="status">{t(`status_${r.status}`)}</span>
              {r.reportId !== null && (
                <>
                  <span className={r.counts.errors ? 'n-err' : 'n-ok'}>
                    {r.counts.errors} {t('errors')}
                  </span>
                  <span className={r.counts.warnings ? 'n-warn' : 'n-ok'}>
                    {r.counts.warnings} {t('warnings')}
                  </span>
                  <Link to={`/reports/${r.reportId}`}>{t('open')}</Link>
                </>
              )}
              {r.error && <span className="bad">{r.error.message}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
