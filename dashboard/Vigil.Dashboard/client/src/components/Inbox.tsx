import { useState } from 'preact/hooks';
import { api } from '../api';
import { live } from '../live';
import { useLive, useLoad, useNow } from '../hooks';
import { compact, dateTime, num, reasons, relative, t, tk } from '../i18n';
import { isAdmin } from '../roles';
import type { Me, Nudge, NudgeAction, VipProfile } from '../types';
import { RiskBar } from './charts';
import { ErrorLine, Link, Loading, errorText } from './common';

const ACTIVE = new Set(['open', 'acknowledged', 'contacted', 'snoozed']);
const STATUS_RANK: Record<string, number> = { open: 0, acknowledged: 1, contacted: 2, snoozed: 3, resolved: 4 };

export function Inbox({ me }: { me: Me }) {
  useLive();
  const now = useNow(15_000);
  const [showAll, setShowAll] = useState(false);
  const [advisor, setAdvisor] = useState(me.advisorId ?? me.userName);
  const portfolio = useLoad(() => api.portfolio(advisor), `portfolio:${advisor}:${live.nudges.size}`);
  const profiles = new Map((portfolio.data ?? []).map(p => [p.userId, p]));
  const nudges = [...live.nudges.values()]
    .filter(n => showAll || ACTIVE.has(n.status))
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.risk - a.risk || a.dueAt.localeCompare(b.dueAt));

  return (
    <section class="inbox" aria-labelledby="inbox-heading">
      <div class="toolbar">
        <h1 id="inbox-heading">{t('inbox.title')}</h1>
        <label class="inline"><input type="checkbox" checked={showAll} onChange={e => setShowAll(e.currentTarget.checked)} /> {t('inbox.showResolved')}</label>
      </div>
      <div class="inbox-layout">
        <div class="nudges" role="feed" aria-label={t('inbox.nudges')}>
          {nudges.length === 0 ? <p class="empty">{t('inbox.empty')}</p>
            : nudges.map(n => <NudgeCard key={n.id} nudge={n} profile={profiles.get(n.userId)} now={now} />)}
        </div>
        <aside class="portfolio panel" aria-labelledby="portfolio-heading">
          <div class="toolbar">
            <h2 id="portfolio-heading">{t('inbox.portfolio')}</h2>
            {isAdmin(me) && (
              <label class="inline">{t('inbox.advisor')}
                <input value={advisor} size={10} onChange={e => setAdvisor(e.currentTarget.value.trim() || me.userName)} />
              </label>
            )}
          </div>
          <Loading when={portfolio.loading && !portfolio.data} />
          <ErrorLine error={portfolio.error} />
          {portfolio.data && (portfolio.data.length === 0 ? <p class="muted">{t('inbox.portfolioEmpty')}</p> : (
            <table class="grid-table compact">
              <thead><tr><th scope="col">{t('inbox.vip')}</th><th scope="col">{t('vip.tier')}</th><th scope="col" class="wide">{t('vip.churn')}</th><th scope="col">{t('vip.spend30')}</th><th scope="col">{t('vip.nudge')}</th></tr></thead>
              <tbody>
                {[...portfolio.data].sort((a, b) => b.churnRisk - a.churnRisk).map(p => (
                  <tr key={p.userId} data-testid="portfolio-row" data-user-id={p.userId} class={p.churnRisk >= 70 ? 'flagged' : undefined}>
                    <td><Link href={`/vips/${encodeURIComponent(p.userId)}`}>{p.userId}</Link></td>
                    <td>{tk('tier', p.tier)}</td>
                    <td class="wide" title={reasons(p.reasons, p.reasonDetails).join('; ')}><span class="riskcell"><RiskBar value={p.churnRisk / 100} label={t('vip.churn')} /> {num(p.churnRisk)}</span></td>
                    <td class="num">{compact(p.engagement.spend30Days)}</td>
                    <td>{p.lastNudgeStatus ? tk('nudgeStatus', p.lastNudgeStatus) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </aside>
      </div>
    </section>
  );
}

function NudgeCard({ nudge, profile, now }: { nudge: Nudge; profile?: VipProfile; now: number }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [due, setDue] = useState('');
  const [snooze, setSnooze] = useState(() => localInput(Date.now() + 24 * 3600_000));
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try { await work(); } catch (e) { setError(errorText(e)); } finally { setBusy(false); }
  };
  const act = (action: NudgeAction) => run(() => live.actOnNudge(nudge, action, action === 'snooze' ? new Date(snooze).toISOString() : null));
  const addNote = () => run(async () => {
    await live.addNudgeNote(nudge, note.trim(), due ? new Date(due).toISOString() : null);
    setNote('');
    setDue('');
  });
  const current = profile?.churnRisk;
  const delta = current === undefined ? 0 : current - nudge.risk;
  const overdue = new Date(nudge.dueAt).getTime() < now && nudge.status !== 'resolved';
  const base = `nudge-${nudge.id}`;
  return (
    <article class={`card nudge status-${nudge.status}`} data-testid="nudge-card" data-nudge-id={nudge.id} data-user-id={nudge.userId}
      data-status={nudge.status} aria-labelledby={`${base}-h`}>
      <header>
        <h2 id={`${base}-h`}><Link href={`/vips/${encodeURIComponent(nudge.userId)}`}>{nudge.userId}</Link></h2>
        <span class={`status ${nudge.status}`}>{tk('nudgeStatus', nudge.status)}</span>
        <span class="score" title={t('inbox.churnScore')}>
          <RiskBar value={nudge.risk / 100} label={t('inbox.churnScore')} /> {num(nudge.risk)}
        </span>
        {current !== undefined && (
          <span class={`trend ${delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat'}`} title={t('inbox.trendTitle')}>
            {delta > 0 ? '▲' : delta < 0 ? '▼' : '■'} {t('inbox.now', { risk: current })}
          </span>
        )}
      </header>
      <ul class="reasons">{reasons(nudge.reasons, nudge.reasonDetails).map((r, i) => <li key={i} dir="auto">{r}</li>)}</ul>
      <p class="times">
        <span>{t('inbox.raised', { ago: relative(nudge.createdAt, now) })}</span>
        <span class={overdue ? 'overdue' : undefined} title={dateTime(nudge.dueAt)}>{t('inbox.due', { when: relative(nudge.dueAt, now) })}</span>
        {nudge.snoozedUntil && nudge.status === 'snoozed' && <span>{t('inbox.snoozedUntil', { when: dateTime(nudge.snoozedUntil) })}</span>}
        {nudge.contactedAt && <span>{t('inbox.contactedAt', { when: dateTime(nudge.contactedAt) })}</span>}
      </p>
      {nudge.notes.length > 0 && (
        <ol class="timeline notes">
          {nudge.notes.map(n => <li key={n.id}><time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time> {n.text}{n.dueAt ? <span class="muted"> · {t('inbox.followUp', { when: dateTime(n.dueAt) })}</span> : null}</li>)}
        </ol>
      )}
      {nudge.status !== 'resolved' && (
        <div class="actions">
          <div class="buttons">
            <button type="button" data-testid="nudge-contacted" disabled={busy} onClick={() => act('contacted')}>{t('nudge.contacted')}</button>
            <button type="button" data-testid="nudge-resolve" class="resolve" disabled={busy} onClick={() => act('resolve')}>{t('nudge.resolve')}</button>
            <label class="inline">
              <span class="visually-hidden">{t('nudge.snoozeUntil')}</span>
              <input type="datetime-local" value={snooze} onInput={e => setSnooze(e.currentTarget.value)} aria-label={t('nudge.snoozeUntil')} />
            </label>
            <button type="button" data-testid="nudge-snooze" disabled={busy || !snooze} onClick={() => act('snooze')}>{t('nudge.snooze')}</button>
          </div>
          <form class="note-form" onSubmit={e => { e.preventDefault(); if (note.trim()) void addNote(); }}>
            <label class="grow"><span class="visually-hidden">{t('nudge.note')}</span>
              <input data-testid="nudge-note" placeholder={t('nudge.note')} value={note} maxLength={2000} onInput={e => setNote(e.currentTarget.value)} />
            </label>
            <label class="inline">{t('nudge.followUp')}
              <input type="datetime-local" value={due} onInput={e => setDue(e.currentTarget.value)} />
            </label>
            <button type="submit" disabled={busy || !note.trim()}>{t('nudge.addNote')}</button>
          </form>
        </div>
      )}
      {error && <p class="error" role="alert">{error}</p>}
    </article>
  );
}

/** A datetime-local input value (local time, minutes) for an epoch time. */
function localInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
