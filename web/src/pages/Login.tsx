// The login form (NIANBAO_AUTH=1): name and password to POST /api/login, which sets the session cookie; the app
// shows nothing else until it is done.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api.ts';
import { useT, type Messages } from '../i18n.tsx';

const messages: Messages<'title' | 'name' | 'password' | 'submit' | 'hint'> = {
  zh: {
    title: '登录',
    name: '用户名',
    password: '密码',
    submit: '登录',
    hint: '本服务器已启用登录。账号由管理员用 nianbao users add 创建。',
  },
  en: {
    title: 'Log in',
    name: 'Name',
    password: 'Password',
    submit: 'Log in',
    hint: 'This server requires a login. An administrator creates accounts with nianbao users add.',
  },
};

export function Login() {
  const t = useT(messages);
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="login"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        api('/login', { method: 'POST', body: { name, password } })
          .then(() => client.invalidateQueries())
          .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
          .finally(() => setBusy(false));
      }}
    >
      <h1>{t('title')}</h1>
      <p className="empty">{t('hint')}</p>
      <label>
        {t('name')}
        <input value={name} autoComplete="username" onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        {t('password')}
        <input
          type="password"
          value={password}
          autoComplete="current-password"
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {error && (
        <p className="bad" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('submit')}
      </button>
    </form>
  );
}
