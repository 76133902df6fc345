import { useState } from 'preact/hooks';
import { api } from '../api';
import { live } from '../live';
import { useLive, useLoad, useNow } from '../hooks';
import { dateTime, num, relative, t, tk } from '../i18n';
import { canAct, canCommand } from '../roles';
import { navigate } from '../router';
import { selection } from '../selection';
import { SEVERITIES, type IncidentSnapshot, type IncidentStatus, type Me, type Severity } from '../types';
import { ErrorLine, Link, errorText } from './common';

const STATUSES: IncidentStatus[] = ['declared', 'mitigating', 'resolved'];

export function Incidents({ me }: { me: Me }) {
  useLive();
  const now = useNow(15_000);
  const [showResolved, setShowResolved] = useState(false);
  const resolved = useLoad(() => (showResolved ? api.incidents(true) : Promise.resolve([])), `incidents:${showResolved}`);
  const byId = new Map<string, IncidentSnapshot>();
  for (const i of resolved.data ?? []) byId.set(i.id, i);
  for (const i of live.incidents.values()) {
    const held = byId.get(i.id);
    if (!held || held.version < i.version) byId.set(i.id, i);
  }
  const incidents = [...byId.values()]
    .filter(i => showResolved || i.status !== 'resolved')
    .sort((a, b) => a.severity.localeCompare(b.severity) || b.declaredAt.localeCompare(a.declaredAt));
  const declareOpen = new URLSearchParams(location.search).has('declare') || selection.size > 0;

  return (
    <section class="incidents" aria-labelledby="incidents-heading">
      <div class="toolbar">
        <h1 id="incidents-heading">{t('incidents.title')}</h1>
        <label class="inline"><input type="checkbox" checked={showResolved} onChange={e => setShowResolved(e.currentTarget.checked)} /> {t('incidents.showResolved')}</label>
      </div>
      <div class="incidents-layout">
        <div role="feed" aria-label={t('incidents.title')} class="incident-list">
          <ErrorLine error={resolved.error} />
          {incidents.length === 0 ? <p class="empty">{t('incidents.empty')}</p> : incidents.map(i => (
            <article key={i.id} class={`card incident sev-${i.severity} status-${i.status}`} data-testid="incident-card"
              data-incident-id={i.id} data-status={i.status}>
              <header>
                <span class={`sev ${i.severity}`}>{i.severity}</span>
                <h2 dir="auto"><Link href={`/incidents/${encodeURIComponent(i.id)}`}>{i.title}</Link></h2>
                <span class={`status ${i.status}`}>{tk('incidentStatus', i.status)}</span>
              </header>
              <p class="times">
                <span>{t('incidents.commander', { name: i.commander })}</span>
                <span>{t('incidents.declared', { ago: relative(i.declaredAt, now) })}</span>
                <span>{t('incidents.linked', { alerts: i.alertIds.length, rooms: i.roomIds.length })}</span>
              </p>
            </article>
          ))}
        </div>
        {canAct(me) && <DeclareForm me={me} startOpen={declareOpen} />}
      </div>
    </section>
  );
}

function DeclareForm({ me, startOpen }: { me: Me; startOpen: boolean }) {
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('P1');
  const [commander, setCommander] = useState(me.roles.includes('commander') ? me.userName : '');
  const [chosen, setChosen] = useState<Set<string>>(() => new Set([...selection].filter(id => live.alerts.has(id))));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alerts = [...live.alerts.values()].sort((a, b) => a.severity.localeCompare(b.severity));
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const ids = [...chosen];
      const incident = live.state === 'connected'
        ? await live.declareIncident(title.trim(), severity, commander.trim() || me.userName, ids)
        : await api.declareIncident(title.trim(), severity, commander.trim() || me.userName, ids);
      live.upsertIncident(incident);
      selection.clear();
      navigate(`/incidents/${encodeURIComponent(incident.id)}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: string, on: boolean) => setChosen(c => { const n = new Set(c); if (on) n.add(id); else n.delete(id); return n; });
  return (
    <section class="panel declare" aria-labelledby="declare-heading">
      <h2 id="declare-heading">{t('incidents.declareTitle')}</h2>
      <form onSubmit={submit}>
        <label>{t('incidents.name')}
          <input data-testid="incident-title" required autoFocus={startOpen} maxLength={200} value={title} onInput={e => setTitle(e.currentTarget.value)} />
        </label>
        <div class="row">
          <label>{t('filter.severity')}
            <select data-testid="incident-severity" value={severity} onChange={e => setSeverity(e.currentTarget.value as Severity)}>
              {SEVERITIES.map(s => <option key={s} value={s}>{tk('severity', s)}</option>)}
            </select>
          </label>
          <label>{t('incidents.commanderLabel')}
            <input data-testid="incident-commander" value={commander} placeholder={me.userName} onInput={e => setCommander(e.currentTarget.value)} />
          </label>
        </div>
        <fieldset>
          <legend>{t('incidents.alerts', { count: chosen.size })}</legend>
          {alerts.length === 0 ? <p class="muted">{t('wall.empty')}</p> : (
            <ul class="checklist">
              {alerts.map(a => (
                <li key={a.id}>
                  <label class="inline">
                    <input type="checkbox" data-testid="incident-alert" data-alert-id={a.id} checked={chosen.has(a.id)} onChange={e => toggle(a.id, e.currentTarget.checked)} />
                    <span class={`sev ${a.severity}`}>{a.severity}</span> {tk('category', a.category)} · {a.title || a.roomId} <span class="muted">({a.id})</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <ErrorLine error={error} />
        <button type="submit" class="primary" data-testid="incident-declare" disabled={busy || !title.trim()}>{t('incidents.declare')}</button>
      </form>
    </section>
  );
}

export function IncidentPage({ id, me }: { id: string; me: Me }) {
  useLive();
  const loaded = useLoad(() => api.incident(id), `incident:${id}`);
  const fromStore = live.incidents.get(id);
  const incident = fromStore && (!loaded.data || fromStore.version >= loaded.data.version) ? fromStore : loaded.data;
  const [status, setStatus] = useState<IncidentStatus | ''>('');
  const [statusNote, setStatusNote] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try { await work(); } catch (e) { setError(errorText(e)); } finally { setBusy(false); }
  };
  if (!incident) {
    return <section class="page"><ErrorLine error={loaded.error} />{loaded.loading && <p class="muted">{t('common.loading')}</p>}</section>;
  }
  const nextStatus = status || incident.status;
  return (
    <section class="page incident-room" data-testid="incident-room" data-incident-id={incident.id} data-status={incident.status} aria-labelledby="incident-heading">
      <div class="toolbar">
        <span class={`sev ${incident.severity}`}>{incident.severity}</span>
        <h1 id="incident-heading" dir="auto">{incident.title}</h1>
        <span class={`status ${incident.status}`} data-testid="incident-status">{tk('incidentStatus', incident.status)}</span>
        <span class="spacer" />
        <Link href="/incidents">{t('incidents.back')}</Link>
      </div>
      <ol class="steps">
        {STATUSES.map(s => <li key={s} class={s === incident.status ? 'current' : undefined} aria-current={s === incident.status ? 'step' : undefined}>{tk('incidentStatus', s)}</li>)}
      </ol>
      <div class="incident-grid">
        <div>
          <dl class="facts">
            <div><dt>{t('incidents.commanderLabel')}</dt><dd>{incident.commander}</dd></div>
            <div><dt>{t('incidents.declaredBy')}</dt><dd>{incident.declaredBy}</dd></div>
            <div><dt>{t('incidents.declaredAt')}</dt><dd>{dateTime(incident.declaredAt)}</dd></div>
            <div><dt>{t('incidents.resolvedAt')}</dt><dd>{dateTime(incident.resolvedAt)}</dd></div>
            <div><dt>{t('incidents.regions')}</dt><dd>{incident.regions.map(r => tk('region', r)).join(', ') || '—'}</dd></div>
          </dl>
          {canCommand(me) && (
            <form class="panel row" onSubmit={e => { e.preventDefault(); void run(async () => { await live.setIncidentStatus(incident.id, nextStatus, statusNote.trim()); setStatusNote(''); setStatus(''); }); }}>
              <label>{t('incidents.status')}
                <select data-testid="incident-status-select" value={nextStatus} onChange={e => setStatus(e.currentTarget.value as IncidentStatus)}>
                  {STATUSES.map(s => <option key={s} value={s}>{tk('incidentStatus', s)}</option>)}
                </select>
              </label>
              <label class="grow">{t('alert.note')}
                <input data-testid="incident-status-note" value={statusNote} onInput={e => setStatusNote(e.currentTarget.value)} />
              </label>
              <button type="submit" data-testid="incident-status-apply" disabled={busy || nextStatus === incident.status}>{t('incidents.apply')}</button>
            </form>
          )}
          <h2>{t('incidents.linkedRooms')}</h2>
          <ul class="links">{incident.roomIds.map(r => <li key={r}><Link href={`/rooms/${encodeURIComponent(r)}`}>{r}</Link></li>)}</ul>
          <h2>{t('incidents.linkedBroadcasters')}</h2>
          <ul class="links">{incident.broadcasterIds.map(b => <li key={b}><Link href={`/broadcasters/${encodeURIComponent(b)}`}>{b}</Link></li>)}</ul>
          <h2>{t('incidents.linkedAlerts')}</h2>
          <ul class="links">
            {incident.alertIds.map(a => {
              const alert = live.alerts.get(a);
              return <li key={a}>{alert ? <><span class={`sev ${alert.severity}`}>{alert.severity}</span> {tk('category', alert.category)} · <Link href={`/rooms/${encodeURIComponent(alert.roomId)}`}>{alert.title || alert.roomId}</Link> </> : null}<span class="muted">{a}</span></li>;
            })}
          </ul>
        </div>
        <div class="panel">
          <h2>{t('incidents.timeline')}</h2>
          <ol class="timeline" data-testid="incident-timeline" aria-live="polite">
            {incident.timeline.map((e, i) => (
              <li key={i}><time dateTime={e.at}>{dateTime(e.at)}</time> <strong>{e.actor}</strong> {e.what}{e.note ? <q dir="auto">{e.note}</q> : null}</li>
            ))}
          </ol>
          {canAct(me) && (
            <form class="row" onSubmit={e => { e.preventDefault(); if (note.trim()) void run(async () => { await live.addIncidentNote(incident.id, note.trim()); setNote(''); }); }}>
              <label class="grow"><span class="visually-hidden">{t('incidents.note')}</span>
                <input data-testid="incident-note" placeholder={t('incidents.note')} value={note} maxLength={2000} onInput={e => setNote(e.currentTarget.value)} />
              </label>
              <button type="submit" disabled={busy || !note.trim()}>{t('incidents.addNote')}</button>
            </form>
          )}
          <ErrorLine error={error} />
          <p class="muted">{t('incidents.entries', { count: num(incident.timeline.length) })}</p>
        </div>
      </div>
    </section>
  );
}
