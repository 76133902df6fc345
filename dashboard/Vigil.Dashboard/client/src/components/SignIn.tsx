import { useState } from 'preact/hooks';
import { ApiError, api } from '../api';
import { LANGUAGES, type Language, type Me } from '../types';
import { language, num, setLanguage, t, tk } from '../i18n';

export function SignIn({ onSignedIn, onLanguage }: { onSignedIn: (me: Me) => void; onLanguage: (l: Language) => void }) {
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn(userName.trim(), password));
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setError(t('signIn.tooMany', { seconds: num(e.retryAfter ?? 60) }));
      else if (e instanceof ApiError && e.status === 401) setError(t('signIn.bad'));
      else setError(t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in">
      <form class="panel" onSubmit={submit} aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading"><span class="logo" aria-hidden="true">◉</span> {t('app.name')}</h1>
        <p class="muted">{t('signIn.intro')}</p>
        <label>
          {t('signIn.user')}
          <input data-testid="sign-in-user" name="username" autocomplete="username" required autoFocus
            value={userName} onInput={e => setUserName(e.currentTarget.value)} />
        </label>
        <label>
          {t('signIn.password')}
          <input data-testid="sign-in-password" name="password" type="password" autocomplete="current-password" required
            value={password} onInput={e => setPassword(e.currentTarget.value)} />
        </label>
        <p data-testid="sign-in-error" class="error" role="alert" hidden={!error}>{error ?? ''}</p>
        <button data-testid="sign-in-submit" type="submit" class="primary" disabled={busy}>{t('signIn.submit')}</button>
        <label class="inline">
          {t('shell.language')}
          <select value={language()} onChange={e => { const l = e.currentTarget.value as Language; setLanguage(l); onLanguage(l); }}>
            {LANGUAGES.map(l => <option key={l} value={l}>{tk('language', l)}</option>)}
          </select>
        </label>
      </form>
    </main>
  );
}
