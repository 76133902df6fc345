import { api } from '../api';
import { live } from '../live';
import { useLive, useLoad, useNow } from '../hooks';
import { dateTime, num, t, tk } from '../i18n';
import type { Me } from '../types';
import { ErrorLine, Link, Loading } from './common';
import { AlertTile } from './Wall';
import { AuditTrail } from './Room';

const LADDER = ['none', 'warn', 'temporary_live_ban', 'longer_ban', 'permanent'];

export function BroadcasterPage({ id, me }: { id: string; me: Me }) {
  useLive();
  const now = useNow(1000);
  const b = useLoad(() => api.broadcaster(id), `broadcaster:${id}`);
  const s = b.data;
  const liveAlerts = [...live.alerts.values()].filter(a => a.broadcasterId === id);
  const alertIds = [...new Set([...(s?.openAlertIds ?? []), ...liveAlerts.map(a => a.id)])];
  return (
    <section class="page" data-testid="broadcaster-page" aria-labelledby="broadcaster-heading">
      <div class="toolbar">
        <h1 id="broadcaster-heading"><span class="muted">{t('broadcaster.title')}</span> {id}</h1>
        <button type="button" onClick={b.reload}>{t('common.refresh')}</button>
      </div>
      <Loading when={b.loading && !s} />
      <ErrorLine error={b.error} />
      {s && (
        <>
          <dl class="facts">
            <div><dt>{t('broadcaster.strikes')}</dt><dd class="big">{num(s.strikes, 1)}</dd></div>
            <div><dt>{t('broadcaster.recent')}</dt><dd>{num(s.recentEnforcements)}</dd></div>
            <div><dt>{t('broadcaster.sessions')}</dt><dd>{num(s.sessions ?? 0)}</dd></div>
            <div><dt>{t('broadcaster.repeat')}</dt><dd>{s.repeatOffender ? <span class="flag">{t('common.yes')}</span> : t('common.no')}</dd></div>
          </dl>
          <div class="panel ladder">
            <h2>{t('broadcaster.suggestion')}</h2>
            <ol class="steps">
              {LADDER.map(step => <li key={step} class={step === s.suggestedStep ? 'current' : undefined} aria-current={step === s.suggestedStep ? 'step' : undefined}>{tk('step', step)}</li>)}
            </ol>
            <p>{s.suggestionReason}</p>
          </div>
          <h2>{t('broadcaster.history')}</h2>
          {s.history.length === 0 ? <p class="muted">{t('broadcaster.noHistory')}</p> : (
            <table class="grid-table compact">
              <thead><tr><th scope="col">{t('common.when')}</th><th scope="col">{t('broadcaster.action')}</th><th scope="col">{t('filter.category')}</th><th scope="col">{t('broadcaster.stage')}</th><th scope="col">{t('broadcaster.moderator')}</th><th scope="col">{t('heat.room')}</th></tr></thead>
              <tbody>
                {[...s.history].sort((x, y) => y.at.localeCompare(x.at)).map(h => (
                  <tr key={h.decisionId}>
                    <td>{dateTime(h.at)}</td><td>{tk('moderation', h.action)}</td><td>{tk('category', h.category)}</td>
                    <td>{tk('stage', h.stage)}</td><td>{h.moderatorId}</td>
                    <td>{h.roomId ? <Link href={`/rooms/${encodeURIComponent(h.roomId)}`}>{h.roomId}</Link> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <h2>{t('room.openAlerts')}</h2>
      {alertIds.length === 0 ? <p class="muted">{t('room.noAlerts')}</p> : (
        <div class="tiles">
          {alertIds.map(aid => {
            const a = live.alerts.get(aid);
            return <div key={aid} class="alert-with-audit">{a ? <AlertTile alert={a} now={now} me={me} /> : <p class="muted">{aid}</p>}<AuditTrail alertId={aid} /></div>;
          })}
        </div>
      )}
    </section>
  );
}
