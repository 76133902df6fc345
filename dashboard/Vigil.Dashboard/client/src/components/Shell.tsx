import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { live } from '../live';
import { useLive } from '../hooks';
import { LANGUAGES, type Language, type Me } from '../types';
import { language, t, tk } from '../i18n';
import { Link } from './common';
import { canAct, canSeeSafety, canSeeVips, isAdmin } from '../roles';

export function Shell({ me, path, onLanguage, onSignOut, children }: {
  me: Me; path: string; onLanguage: (l: Language) => void; onSignOut: () => void; children: ComponentChildren;
}) {
  useLive();
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => live.onNewP1(alert => setAnnouncement(t('wall.newP1', { category: tk('category', alert.category), room: alert.title || alert.roomId }))), []);

  const nav: { href: string; key: 'nav.wall' | 'nav.heat' | 'nav.inbox' | 'nav.incidents' | 'nav.admin'; id: string; show: boolean }[] = [
    { href: '/wall', key: 'nav.wall', id: 'nav-wall', show: canSeeSafety(me) },
    { href: '/heat', key: 'nav.heat', id: 'nav-heat', show: canSeeSafety(me) },
    { href: '/inbox', key: 'nav.inbox', id: 'nav-inbox', show: canSeeVips(me) },
    { href: '/incidents', key: 'nav.incidents', id: 'nav-incidents', show: canSeeSafety(me) || canAct(me) },
    { href: '/admin', key: 'nav.admin', id: 'nav-admin', show: isAdmin(me) },
  ];
  const state = live.state;
  return (
    <div class="shell">
      <a class="skip" href="#main">{t('shell.skip')}</a>
      <header class="topbar">
        <span class="brand"><span class="logo" aria-hidden="true">◉</span> {t('app.name')}</span>
        <nav aria-label={t('shell.navigation')}>
          <ul>
            {nav.filter(n => n.show).map(n => (
              <li key={n.id}>
                <Link href={n.href} testId={n.id} cls={path.startsWith(n.href) ? 'active' : undefined}>{t(n.key)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <span class="spacer" />
        <span data-testid="connection-status" data-state={state} class={`conn ${state}`} role="status" aria-live="polite">
          <span class="dot" aria-hidden="true" />{live.everConnected || state === 'connected' ? t(`connection.${state}`) : t('connection.connecting')}
        </span>
        <label class="inline">
          <span class="visually-hidden">{t('shell.language')}</span>
          <select data-testid="language-select" aria-label={t('shell.language')} value={language()}
            onChange={e => onLanguage(e.currentTarget.value as Language)}>
            {LANGUAGES.map(l => <option key={l} value={l}>{tk('language', l)}</option>)}
          </select>
        </label>
        <span class="user" title={me.roles.map(r => tk('role', r)).join(', ')}>{me.displayName || me.userName}</span>
        <button data-testid="sign-out" type="button" onClick={onSignOut}>{t('shell.signOut')}</button>
      </header>
      {state !== 'connected' && live.everConnected && (
        <div class={`banner ${state}`} role="alert">{t(state === 'reconnecting' ? 'connection.bannerReconnecting' : 'connection.bannerDisconnected')}</div>
      )}
      <p class="visually-hidden" aria-live="assertive" role="status">{announcement}</p>
      <main id="main" tabIndex={-1}>{children}</main>
    </div>
  );
}
