import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './styles.css';
import { ApiError, api, setUnauthorizedHandler } from './api';
import { setLanguage, t } from './i18n';
import { live } from './live';
import { homeOf, isAdmin, canSeeSafety, canSeeVips } from './roles';
import { navigate, param, usePath } from './router';
import { LANGUAGES, type Language, type Me } from './types';
import { Admin } from './components/Admin';
import { BroadcasterPage } from './components/Broadcaster';
import { Heat } from './components/Heat';
import { Inbox } from './components/Inbox';
import { IncidentPage, Incidents } from './components/Incidents';
import { RoomPage } from './components/Room';
import { Shell } from './components/Shell';
import { SignIn } from './components/SignIn';
import { VipPage } from './components/Vip';
import { Wall } from './components/Wall';

const LANGUAGE_KEY = 'vigil.lang';

function initialLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY) as Language | null;
  if (stored && LANGUAGES.includes(stored)) return stored;
  const browser = navigator.language.slice(0, 2) as Language;
  return LANGUAGES.includes(browser) ? browser : 'en';
}

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [, setLang] = useState(initialLanguage());
  const path = usePath();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      void live.stop();
      setMe(null);
    });
    // Signed out (401, or no identity endpoint at all: 404) shows the sign-in page; a silo that is down or
    // restarting (network error, 5xx) is asked again, rather than sending a signed-in person to sign in.
    let timer: number | undefined;
    const ask = () => api.me().then(signedIn, e => {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) setMe(null);
      else timer = window.setTimeout(ask, 3_000);
    });
    void ask();
    return () => window.clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (me === null && path !== '/sign-in') navigate('/sign-in', true);
    if (me && (path === '/sign-in' || path === '/')) navigate(homeOf(me), true);
  }, [me, path]);

  function signedIn(user: Me) {
    applyLanguage(user.language);
    setMe(user);
    void live.start();
  }

  function applyLanguage(l: Language) {
    setLanguage(l);
    localStorage.setItem(LANGUAGE_KEY, l);
    setLang(l);
  }

  async function changeLanguage(l: Language) {
    applyLanguage(l);
    try {
      const updated = await api.setLanguage(l);
      setMe(updated);
    } catch (e) {
      console.warn('PUT /auth/me/language failed', e);
    }
  }

  async function signOut() {
    try { await api.signOut(); } catch { /* the cookie is gone either way once the server answers; ignore network errors */ }
    await live.stop();
    setMe(null);
  }

  if (me === undefined) return <p class="muted boot">{t('common.loading')}</p>;
  if (me === null) return <SignIn onSignedIn={signedIn} onLanguage={applyLanguage} />;
  return (
    <Shell me={me} path={path} onLanguage={changeLanguage} onSignOut={signOut}>
      <Route path={path} me={me} />
    </Shell>
  );
}

function Route({ path, me }: { path: string; me: Me }) {
  const id = (prefix: string) => param(path, prefix);
  let roomId, broadcasterId, vipId, incidentId;
  if (path === '/wall' && canSeeSafety(me)) return <Wall me={me} />;
  if (path === '/heat' && canSeeSafety(me)) return <Heat me={me} />;
  if ((roomId = id('/rooms/'))) return <RoomPage key={roomId} id={roomId} me={me} />;
  if ((broadcasterId = id('/broadcasters/'))) return <BroadcasterPage key={broadcasterId} id={broadcasterId} me={me} />;
  if ((vipId = id('/vips/'))) return <VipPage key={vipId} id={vipId} me={me} />;
  if (path === '/inbox' && canSeeVips(me)) return <Inbox me={me} />;
  if (path === '/incidents') return <Incidents me={me} />;
  if ((incidentId = id('/incidents/'))) return <IncidentPage key={incidentId} id={incidentId} me={me} />;
  if (path === '/admin' && isAdmin(me)) return <Admin />;
  return <section class="page"><h1>{t('notFound.title')}</h1><p>{t('notFound.body')}</p></section>;
}

setLanguage(initialLanguage());
render(<App />, document.getElementById('app')!);
