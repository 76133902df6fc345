import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { live } from '../live';
import { useLive, useNow } from '../hooks';
import { compact, num, pct, reasons, relative, clock, t, tk, dateTime } from '../i18n';
import { canAct } from '../roles';
import { navigate } from '../router';
import { CATEGORIES, REGIONS, SEVERITIES, type AlertAction, type AlertSnapshot, type Me } from '../types';
import { Sparkline } from './charts';
import { Link, errorText } from './common';
import { selection } from '../selection';

const SLA_SECONDS: Record<string, number> = { P1: 60, P2: 5 * 60, P3: 30 * 60, P4: 4 * 3600 };
const SEVERITY_RANK: Record<string, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };

export function slaDeadline(alert: AlertSnapshot): number {
  if (alert.slaDueAt) return new Date(alert.slaDueAt).getTime();
  return new Date(alert.raisedAt).getTime() + (SLA_SECONDS[alert.severity] ?? 3600) * 1000;
}

type SortKey = 'severity' | 'sla' | 'newest' | 'oldest' | 'viewers' | 'risk';
const SORTS: SortKey[] = ['severity', 'sla', 'newest', 'oldest', 'viewers', 'risk'];

function compare(sort: SortKey): (a: AlertSnapshot, b: AlertSnapshot) => number {
  const raised = (a: AlertSnapshot) => new Date(a.raisedAt).getTime();
  switch (sort) {
    case 'sla': return (a, b) => slaDeadline(a) - slaDeadline(b);
    case 'newest': return (a, b) => raised(b) - raised(a);
    case 'oldest': return (a, b) => raised(a) - raised(b);
    case 'viewers': return (a, b) => (b.viewers ?? 0) - (a.viewers ?? 0);
    case 'risk': return (a, b) => b.peakScore - a.peakScore;
    default: return (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || raised(a) - raised(b);
  }
}

const ACTION_KEYS: Record<string, AlertAction> = { a: 'acknowledge', s: 'assign', e: 'escalate', r: 'resolve' };

export function Wall({ me }: { me: Me }) {
  useLive();
  const now = useNow(1000);
  const [region, setRegion] = useState('');
  const [category, setCategory] = useState('');
  const [severity, setSeverity] = useState('');
  const [sort, setSort] = useState<SortKey>('severity');
  const [help, setHelp] = useState(false);
  const [, setSelectionRevision] = useState(0);
  const grid = useRef<HTMLDivElement>(null);

  const regions = me.regions.length > 0 ? me.regions : REGIONS;
  const alerts = [...live.alerts.values()]
    .filter(a => (!region || a.region === region) && (!category || a.category === category) && (!severity || a.severity === severity))
    .sort(compare(sort));
  const counts = useMemo(() => {
    const c: Record<string, number> = { P1: 0, P2: 0, P3: 0, P4: 0 };
    for (const a of live.alerts.values()) c[a.severity]++;
    return c;
  }, [live.revision]);

  const tiles = () => [...(grid.current?.querySelectorAll<HTMLElement>('[data-testid="alert-tile"]') ?? [])];

  // Keyboard: j/k move between tiles, a/s/e/r act on the focused tile, n focuses its note, x selects it for an
  // incident, o opens its room, ? toggles the help. Ignored while typing in a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : document.body;
      if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select')) return;
      if (event.key === '?') { setHelp(h => !h); event.preventDefault(); return; }
      if (event.key === 'Escape') { setHelp(false); return; }
      const all = tiles();
      const current = target.closest<HTMLElement>('[data-testid="alert-tile"]');
      const index = current ? all.indexOf(current) : -1;
      if (event.key === 'j' || event.key === 'k') {
        const next = all[event.key === 'j' ? Math.min(all.length - 1, index + 1) : Math.max(0, index - 1)] ?? all[0];
        next?.focus();
        event.preventDefault();
        return;
      }
      if (!current) return;
      const action = ACTION_KEYS[event.key];
      const button = action
        ? current.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)
        : event.key === 'x' ? current.querySelector<HTMLInputElement>('[data-select]')
          : event.key === 'o' ? current.querySelector<HTMLAnchorElement>('[data-testid="alert-room"]') : null;
      if (event.key === 'n') {
        current.querySelector<HTMLInputElement>('[data-testid="alert-note"]')?.focus();
        event.preventDefault();
      } else if (button) {
        button.click();
        event.preventDefault();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const selected = [...selection].filter(id => live.alerts.has(id));
  return (
    <section class="wall" aria-labelledby="wall-heading">
      <div class="toolbar">
        <h1 id="wall-heading">{t('wall.title')}</h1>
        <span class="counts" aria-label={t('wall.counts')}>
          {SEVERITIES.map(s => <span key={s} class={`sev-chip ${s}`}>{s} {num(counts[s])}</span>)}
        </span>
        <label>{t('filter.region')}
          <select data-testid="filter-region" value={region} onChange={e => setRegion(e.currentTarget.value)}>
            <option value="">{t('filter.all')}</option>
            {regions.map(r => <option key={r} value={r}>{tk('region', r)}</option>)}
          </select>
        </label>
        <label>{t('filter.category')}
          <select data-testid="filter-category" value={category} onChange={e => setCategory(e.currentTarget.value)}>
            <option value="">{t('filter.all')}</option>
            {CATEGORIES.map(c => <option key={c} value={c}>{tk('category', c)}</option>)}
          </select>
        </label>
        <label>{t('filter.severity')}
          <select data-testid="filter-severity" value={severity} onChange={e => setSeverity(e.currentTarget.value)}>
            <option value="">{t('filter.all')}</option>
            {SEVERITIES.map(s => <option key={s} value={s}>{tk('severity', s)}</option>)}
          </select>
        </label>
        <label>{t('filter.sort')}
          <select data-testid="sort" value={sort} onChange={e => setSort(e.currentTarget.value as SortKey)}>
            {SORTS.map(s => <option key={s} value={s}>{tk('sort', s)}</option>)}
          </select>
        </label>
        <span class="spacer" />
        {canAct(me) && (
          <button type="button" disabled={selected.length === 0} onClick={() => navigate('/incidents?declare=1')}>
            {t('wall.declareSelected', { count: selected.length })}
          </button>
        )}
        <button type="button" aria-expanded={help} aria-controls="wall-help" onClick={() => setHelp(h => !h)}>{t('wall.shortcuts')}</button>
      </div>
      {help && (
        <div id="wall-help" class="panel help" role="region" aria-label={t('wall.shortcuts')}>
          <dl>
            <dt><kbd>j</kbd> / <kbd>k</kbd></dt><dd>{t('help.move')}</dd>
            <dt><kbd>a</kbd></dt><dd>{t('action.acknowledge')}</dd>
            <dt><kbd>s</kbd></dt><dd>{t('help.assign')}</dd>
            <dt><kbd>e</kbd></dt><dd>{t('action.escalate')}</dd>
            <dt><kbd>r</kbd></dt><dd>{t('action.resolve')}</dd>
            <dt><kbd>n</kbd></dt><dd>{t('help.note')}</dd>
            <dt><kbd>x</kbd></dt><dd>{t('help.select')}</dd>
            <dt><kbd>o</kbd></dt><dd>{t('help.open')}</dd>
            <dt><kbd>?</kbd></dt><dd>{t('help.toggle')}</dd>
          </dl>
        </div>
      )}
      {alerts.length === 0
        ? <p class="empty">{live.alerts.size === 0 ? t('wall.empty') : t('wall.emptyFiltered')}</p>
        : (
          <div class="tiles" ref={grid} role="feed" aria-label={t('wall.title')}>
            {alerts.map(a => <AlertTile key={a.id} alert={a} now={now} me={me} onSelect={() => setSelectionRevision(r => r + 1)} />)}
          </div>
        )}
    </section>
  );
}

export function AlertTile({ alert, now, me, onSelect }: { alert: AlertSnapshot; now: number; me: Me; onSelect?: () => void }) {
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState('');
  const [busy, setBusy] = useState<AlertAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: AlertAction) => {
    setBusy(action);
    setError(null);
    try {
      const who = action === 'assign' ? (assignee.trim() || me.userName) : null;
      if (live.state === 'connected') await live.actOnAlert(alert.id, action, note.trim(), who);
      else live.upsertAlert(await api.actOnAlert(alert.id, action, note.trim(), who ?? undefined));
      setNote('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const remaining = Math.round((slaDeadline(alert) - now) / 1000);
  const overdue = remaining < 0;
  const acting = canAct(me);
  const titleId = `alert-${alert.id}-title`;
  const roomLabel = alert.title || alert.roomId;
  return (
    <article class={`tile sev-${alert.severity} status-${alert.status}${alert.severity === 'P1' && alert.status === 'open' ? ' pulse' : ''}`}
      data-testid="alert-tile" data-alert-id={alert.id} data-severity={alert.severity} data-status={alert.status}
      tabIndex={0} aria-labelledby={titleId}>
      <header>
        <span class={`sev ${alert.severity}`} title={tk('severity', alert.severity)}>{alert.severity}</span>
        <span class="category">{tk('category', alert.category)}</span>
        <span class="region">{tk('region', alert.region)}</span>
        <span class={`status ${alert.status}`}>{tk('status', alert.status)}</span>
        {acting && onSelect && (
          <label class="select" title={t('wall.selectForIncident')}>
            <input type="checkbox" data-select checked={selection.has(alert.id)}
              onChange={e => { if (e.currentTarget.checked) selection.add(alert.id); else selection.delete(alert.id); onSelect(); }} />
            <span class="visually-hidden">{t('wall.selectForIncident')}</span>
          </label>
        )}
      </header>
      <h2 id={titleId} data-testid="alert-title" class="title" dir="auto" title={roomLabel}>{roomLabel}</h2>
      <div class="meta">
        <Link href={`/rooms/${encodeURIComponent(alert.roomId)}`} testId="alert-room">{alert.roomId}</Link>
        <Link href={`/broadcasters/${encodeURIComponent(alert.broadcasterId)}`} cls="broadcaster">{alert.broadcasterId}</Link>
        <span class="viewers" title={t('alert.viewers')}><EyeIcon /><span class="visually-hidden">{t('alert.viewers')}</span> {compact(alert.viewers ?? 0)}</span>
      </div>
      <div class="trendrow">
        <Sparkline values={alert.trend ?? []} testId="alert-sparkline" label={t('alert.trend', { peak: pct(alert.peakScore) })} />
        <span class="peak" title={t('alert.peak')}>{pct(alert.peakScore)}</span>
      </div>
      <ul class="reasons" data-testid="alert-reasons">
        {reasons(alert.reasons, alert.reasonDetails).slice(0, 2).map((r, i) => <li key={i} dir="auto">{r}</li>)}
      </ul>
      <div class="times">
        <span title={dateTime(alert.raisedAt)}>{t('alert.evidence', { count: alert.evidenceCount })} · {t('alert.raised', { ago: relative(alert.raisedAt, now) })}</span>
        <span data-testid="alert-sla" class={`sla${overdue ? ' overdue' : remaining < 30 ? ' soon' : ''}`} data-overdue={overdue}
          title={t('alert.slaTitle')}>
          {alert.status === 'open'
            ? (overdue ? t('alert.slaOverdue', { time: clock(-remaining) }) : t('alert.slaLeft', { time: clock(remaining) }))
            : (alert.assignedTo ? t('alert.assignedTo', { user: alert.assignedTo }) : tk('status', alert.status))}
        </span>
      </div>
      {acting && (
        <div class="actions">
          <label class="note">
            <span class="visually-hidden">{t('alert.note')}</span>
            <input data-testid="alert-note" placeholder={t('alert.note')} value={note} maxLength={2000}
              onInput={e => setNote(e.currentTarget.value)}
              onKeyDown={e => { if (e.key === 'Escape') (e.currentTarget.closest('[data-testid="alert-tile"]') as HTMLElement | null)?.focus(); }} />
          </label>
          <label class="assignee">
            <span class="visually-hidden">{t('alert.assignee')}</span>
            <input placeholder={me.userName} title={t('alert.assignee')} value={assignee} onInput={e => setAssignee(e.currentTarget.value)} />
          </label>
          <div class="buttons">
            <button type="button" data-testid="alert-ack" data-action="acknowledge" disabled={busy !== null || alert.status !== 'open'}
              onClick={() => act('acknowledge')} aria-keyshortcuts="a">{t('action.acknowledge')}</button>
            <button type="button" data-testid="alert-assign" data-action="assign" disabled={busy !== null}
              onClick={() => act('assign')} aria-keyshortcuts="s">{t('action.assign')}</button>
            <button type="button" data-testid="alert-escalate" data-action="escalate" disabled={busy !== null || alert.status === 'escalated'}
              onClick={() => act('escalate')} aria-keyshortcuts="e">{t('action.escalate')}</button>
            <button type="button" data-testid="alert-resolve" data-action="resolve" class="resolve" disabled={busy !== null}
              onClick={() => act('resolve')} aria-keyshortcuts="r">{t('action.resolve')}</button>
          </div>
        </div>
      )}
      {error && <p class="error" role="alert">{error}</p>}
    </article>
  );
}

function EyeIcon() {
  return (
    <svg class="icon" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z" />
      <circle cx="8" cy="8" r="2.2" />
    </svg>
  );
}
