import { useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { ApiError, request, setToken } from '../lib/api';
import type { SessionResponse } from '../lib/types';
import { LanguageSwitch } from '../components/Shell';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (s: SessionResponse) => void }) {
  const { t } = useApp();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { data } = await request<SessionResponse>('/api/v1/sessions', { method: 'POST', body: { email: email.trim(), password } });
      setToken(data.token);
      onLoggedIn(data);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(err.problem.detail || t('login.failed'));
      else if (err instanceof ApiError && err.status === 429) setError(err.problem.detail || t('login.throttled'));
      else if (err instanceof ApiError && err.status === 0) setError(t('error.network'));
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="login-page">
      <form class="login card" onSubmit={submit} aria-labelledby="login-title">
        <div class="login-head">
          <h1 id="login-title">{t('login.title')}</h1>
          <LanguageSwitch />
        </div>
        <label class="field">
          <span>{t('login.email')}</span>
          <input name="email" type="email" autoComplete="username" required value={email} onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>{t('login.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)} />
        </label>
        {error && (
          <p class="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
