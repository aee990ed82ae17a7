// The frame of every page: the header with the pages, the language switch and the mode (single-user or the user
// logged in), and the routes.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { api, ApiFailure } from './api.ts';
import { useLang, useT, type Messages } from './i18n.tsx';
import { ComparePage } from './pages/Compare.tsx';
import { LibraryPage } from './pages/Library.tsx';
import { ReportPage } from './pages/Report.tsx';
import { Login } from './pages/Login.tsx';

// The Region page alone draws charts: ECharts is loaded with it, not with the Library; the Write page alone runs the
// rules in the browser: the rule engine is loaded with it.
const RegionPage = lazy(() => import('./pages/Region.tsx').then((m) => ({ default: m.RegionPage })));
const WritePage = lazy(() => import('./pages/Write.tsx').then((m) => ({ default: m.WritePage })));

const messages: Messages<
  | 'library'
  | 'region'
  | 'compare'
  | 'write'
  | 'singleUser'
  | 'singleUserTitle'
  | 'notFound'
  | 'api'
  | 'logout'
> = {
  zh: {
    library: '文库',
    region: '地区汇总',
    compare: '年度对比',
    write: '编写年报',
    singleUser: '单用户模式',
    singleUserTitle: '未启用登录（NIANBAO_AUTH=1 可启用）：本机任何人都可使用全部功能',
    notFound: '没有这个页面。',
    api: 'API 文档',
    logout: '退出',
  },
  en: {
    library: 'Library',
    region: 'Region',
    compare: 'Compare years',
    write: 'Write a report',
    singleUser: 'single-user mode',
    singleUserTitle: 'Login is off (NIANBAO_AUTH=1 turns it on): anyone on this machine can do everything',
    notFound: 'No such page.',
    api: 'API docs',
    logout: 'Log out',
  },
};

export interface Me {
  mode: 'single-user' | 'login';
  user: { name: string; role: string; region: string | null; agency: string | null } | null;
}

/** Who is using the app: single-user mode, or the user logged in (null before login). */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me> => {
      try {
        return await api<Me>('/me');
      } catch (e) {
        // A server without login routes is single-user.
        if (e instanceof ApiFailure && e.status === 404) return { mode: 'single-user', user: null };
        throw e;
      }
    },
  });
}

function Mode() {
  const t = useT(messages);
  const client = useQueryClient();
  const me = useMe();
  if (!me.data) return null;
  if (me.data.mode === 'single-user')
    return (
      <span className="mode" title={t('singleUserTitle')}>
        {t('singleUser')}
      </span>
    );
  if (!me.data.user) return null;
  const user = me.data.user;
  return (
    <>
      <span className="mode" data-testid="user">
        {user.name} · {user.role}
        {user.region ? ` · ${user.region}` : ''}
        {user.agency ? ` · ${user.agency}` : ''}
      </span>
      <button
        type="button"
        onClick={() =>
          void api('/logout', { method: 'POST', body: {} }).finally(() => void client.resetQueries())
        }
      >
        {t('logout')}
      </button>
    </>
  );
}

export function App() {
  const t = useT(messages);
  const { lang, setLang } = useLang();
  const me = useMe();
  const locked = me.data?.mode === 'login' && !me.data.user;
  return (
    <div className="app">
      <header className="top">
        <NavLink to="/" className="brand" end>
          nianbao <span>政府信息公开年报</span>
        </NavLink>
        <nav>
          <NavLink to="/" end>
            {t('library')}
          </NavLink>
          <NavLink to="/region">{t('region')}</NavLink>
          <NavLink to="/compare">{t('compare')}</NavLink>
          <NavLink to="/write">{t('write')}</NavLink>
        </nav>
        <div className="right">
          <Mode />
          <a href="/api/docs" target="_blank" rel="noreferrer">
            {t('api')}
          </a>
          <button
            type="button"
            className="lang"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            aria-label={lang === 'zh' ? 'English' : '中文'}
          >
            {lang === 'zh' ? 'EN' : '中文'}
          </button>
        </div>
      </header>
      <main>
        {locked ? (
          <Login />
        ) : (
          <Routes>
            <Route path="/" element={<LibraryPage />} />
            <Route path="/reports/:id" element={<ReportPage />} />
            <Route
              path="/region"
              element={
                <Suspense fallback={<p className="empty">…</p>}>
                  <RegionPage />
                </Suspense>
              }
            />
            <Route path="/compare" element={<ComparePage />} />
            <Route
              path="/write"
              element={
                <Suspense fallback={<p className="empty">…</p>}>
                  <WritePage />
                </Suspense>
              }
            />
            <Route path="*" element={<p className="empty">{t('notFound')}</p>} />
          </Routes>
        )}
      </main>
    </div>
  );
}
