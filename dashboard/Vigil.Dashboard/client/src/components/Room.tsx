import { useState } from 'preact/hooks';
import { api } from '../api';
import { live } from '../live';
import { useLive, useLoad, useNow } from '../hooks';
import { compact, dateTime, num, pct, reasons, shortTime, t, tk } from '../i18n';
import type { AuditEntry, Category, Me } from '../types';
import { LineChart, RiskBar } from './charts';
import { ErrorLine, Link, Loading, errorText } from './common';
import { AlertTile } from './Wall';

const PALETTE = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];

export function RoomPage({ id, me }: { id: string; me: Me }) {
  useLive();
  const now = useNow(1000);
  const room = useLoad(() => api.room(id), `room:${id}`);
  const history = useLoad(() => api.roomHistory(id), `history:${id}`);
  const r = room.data;
  const points = history.data?.points ?? [];
  const categories = [...new Set(points.flatMap(p => Object.entries(p.risks).filter(([, v]) => (v ?? 0) > 0).map(([c]) => c as Category)))];
  const labels = points.map(p => shortTime(p.at));
  const liveAlerts = [...live.alerts.values()].filter(a => a.roomId === id);
  const alertIds = [...new Set([...(r?.openAlertIds ?? []), ...liveAlerts.map(a => a.id)])];

  return (
    <section class="page" data-testid="room-page" aria-labelledby="room-heading">
      <div class="toolbar">
        <h1 id="room-heading"><span class="muted">{t('room.title')}</span> <span data-testid="room-title" dir="auto">{r?.title || id}</span></h1>
        <button type="button" onClick={() => { room.reload(); history.reload(); }}>{t('common.refresh')}</button>
      </div>
      <Loading when={room.loading && !r} />
      <ErrorLine error={room.error} />
      {r && (
        <dl class="facts">
          <div><dt>{t('room.id')}</dt><dd>{r.roomId}</dd></div>
          <div><dt>{t('room.state')}</dt><dd><span class={`state ${r.state.toLowerCase()}`}>{tk('roomState', capitalized(r.state))}</span> {r.live ? t('room.live') : t('room.ended')}</dd></div>
          <div><dt>{t('room.broadcaster')}</dt><dd>{r.broadcasterId ? <Link href={`/broadcasters/${encodeURIComponent(r.broadcasterId)}`}>{r.broadcasterId}</Link> : '—'}</dd></div>
          <div><dt>{t('room.region')}</dt><dd>{tk('region', r.region)}</dd></div>
          <div><dt>{t('room.viewers')}</dt><dd>{num(r.viewers)} <span class="muted">({t('room.peak', { count: r.peakViewers })})</span></dd></div>
          <div><dt>{t('room.chat')}</dt><dd>{num(r.chatPerMinute, 1)}</dd></div>
          <div><dt>{t('room.gifts')}</dt><dd>{num(r.giftValuePerMinute, 1)}</dd></div>
          <div><dt>{t('room.heat')}</dt><dd>{num(r.heat, 1)}</dd></div>
          <div><dt>{t('room.started')}</dt><dd>{dateTime(r.startedAt)}</dd></div>
          <div><dt>{t('room.language')}</dt><dd>{r.lang ?? '—'}</dd></div>
        </dl>
      )}
      {r && r.risks.length > 0 && (
        <table class="grid-table compact">
          <caption>{t('room.risks')}</caption>
          <thead><tr><th scope="col">{t('filter.category')}</th><th scope="col" class="wide">{t('heat.risk')}</th><th scope="col">{t('room.riskState')}</th><th scope="col">{t('alert.peak')}</th><th scope="col">{t('room.evidence')}</th><th scope="col">{t('room.reasons')}</th></tr></thead>
          <tbody>
            {r.risks.map(k => (
              <tr key={k.category}>
                <td>{tk('category', k.category)}</td>
                <td class="wide"><span class="riskcell"><RiskBar value={k.risk} label={t('heat.risk')} /> {pct(k.risk)}</span></td>
                <td>{tk('roomState', capitalized(k.state))}</td>
                <td class="num">{pct(k.peakScore)}</td>
                <td class="num">{num(k.evidenceCount)}</td>
                <td dir="auto">{reasons(k.reasons, k.reasonDetails).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorLine error={history.error} />
      {points.length > 0 && (
        <div class="charts">
          <LineChart title={t('room.chartRisk')} xLabels={labels} max={1} format={v => pct(v)}
            series={categories.map((c, i) => ({ label: tk('category', c), cls: PALETTE[i % PALETTE.length], values: points.map(p => p.risks[c] ?? 0) }))} />
          <LineChart title={t('room.chartViewers')} xLabels={labels} format={v => compact(v)}
            series={[{ label: t('room.viewers'), cls: 'c1', values: points.map(p => p.viewers) }]} />
          <LineChart title={t('room.chartGifts')} xLabels={labels} format={v => compact(v)}
            series={[{ label: t('room.giftValue'), cls: 'c3', values: points.map(p => p.giftValue) }, { label: t('room.chatLines'), cls: 'c2', values: points.map(p => p.chatLines) }]} />
        </div>
      )}
      <h2>{t('room.openAlerts')}</h2>
      {alertIds.length === 0 ? <p class="muted">{t('room.noAlerts')}</p> : (
        <div class="tiles">
          {alertIds.map(aid => {
            const a = live.alerts.get(aid);
            return (
              <div key={aid} class="alert-with-audit">
                {a ? <AlertTile alert={a} now={now} me={me} /> : <p class="muted">{aid}</p>}
                <AuditTrail alertId={aid} />
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}

/** The audit trail of one alert, loaded on demand (notes are attacker-reachable text: rendered as text). */
export function AuditTrail({ alertId }: { alertId: string }) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    const next = !open;
    setOpen(next);
    if (next) {
      try { setEntries(await api.alertAudit(alertId)); setError(null); } catch (e) { setError(errorText(e)); }
    }
  };
  return (
    <div class="audit">
      <button type="button" aria-expanded={open} onClick={toggle}>{t('room.audit', { id: alertId })}</button>
      {open && <ErrorLine error={error} />}
      {open && entries && (entries.length === 0 ? <p class="muted">{t('room.auditEmpty')}</p> : (
        <ol class="timeline">
          {entries.map((e, i) => (
            <li key={i}><time dateTime={e.at}>{dateTime(e.at)}</time> <strong>{e.actor}</strong> {tk('auditAction', e.action)}{e.note ? <q dir="auto">{e.note}</q> : null}</li>
          ))}
        </ol>
      ))}
    </div>
  );
}

/** Room states arrive as "Alert" or "alert"; the translation keys are capitalised. */
function capitalized(state: string): string {
  return state.charAt(0).toUpperCase() + state.slice(1).toLowerCase();
}
