import { useState } from 'preact/hooks';
import { live } from '../live';
import { api } from '../api';
import { useLive, useLoad } from '../hooks';
import { compact, num, pct, t, tk } from '../i18n';
import { navigate } from '../router';
import { REGIONS, type Me } from '../types';
import { RiskBar } from './charts';
import { ErrorLine, Link } from './common';

export function Heat({ me }: { me: Me }) {
  useLive();
  // Lists the caller may see: the snapshot holds them (their regions, plus "global" for all-region users).
  // Before the first snapshot (or if the hub sends no heat), the tabs come from the user's regions and the REST API.
  const visible = me.regions.length === 0 ? ['global', ...REGIONS] : [...me.regions];
  const held = [...live.heat.keys()];
  const ids = (held.length > 0 ? held : visible).sort((a, b) => (a === 'global' ? -1 : b === 'global' ? 1 : a.localeCompare(b)));
  const fallback = me.regions.length === 0 ? 'global' : me.regions[0];
  const [chosen, setChosen] = useState<string | null>(null);
  const listId = chosen && ids.includes(chosen) ? chosen : ids.includes(fallback) ? fallback : ids[0] ?? fallback;
  const liveRows = live.heat.get(listId);
  const rest = useLoad(() => (liveRows ? Promise.resolve(null) : api.heat(listId === 'global' ? undefined : listId, 50)), `heat:${listId}:${liveRows ? 'live' : 'rest'}`);
  const rows = liveRows ?? rest.data ?? [];
  const maxHeat = Math.max(1e-9, ...rows.map(r => r.heat));
  const onTabKey = (event: KeyboardEvent) => {
    const i = ids.indexOf(listId);
    const rtl = document.documentElement.dir === 'rtl';
    const step = event.key === 'ArrowRight' ? (rtl ? -1 : 1) : event.key === 'ArrowLeft' ? (rtl ? 1 : -1) : 0;
    if (step === 0) return;
    const next = ids[(i + step + ids.length) % ids.length];
    setChosen(next);
    document.getElementById(`heat-tab-${next}`)?.focus();
    event.preventDefault();
  };
  return (
    <section class="heat" aria-labelledby="heat-heading">
      <div class="toolbar">
        <h1 id="heat-heading">{t('heat.title')}</h1>
        <div role="tablist" aria-label={t('heat.lists')} class="tabs" onKeyDown={onTabKey}>
          {ids.map(id => (
            <button key={id} id={`heat-tab-${id}`} type="button" role="tab" aria-selected={id === listId} tabIndex={id === listId ? 0 : -1}
              aria-controls="heat-panel" onClick={() => setChosen(id)}>
              {id === 'global' ? t('heat.global') : tk('region', id)}
            </button>
          ))}
        </div>
      </div>
      <div id="heat-panel" role="tabpanel" aria-labelledby={`heat-tab-${listId}`}>
        {!liveRows && <ErrorLine error={rest.error} />}
        {rows.length === 0 ? <p class="empty">{t('heat.empty')}</p> : (
          <table class="grid-table">
            <thead>
              <tr>
                <th scope="col">#</th><th scope="col">{t('heat.room')}</th><th scope="col">{t('heat.heat')}</th>
                <th scope="col">{t('heat.viewers')}</th><th scope="col" class="wide">{t('heat.risk')}</th><th scope="col">{t('heat.flag')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.roomId} data-testid="heat-row" data-room-id={r.roomId} data-flagged={r.flagged ? 'true' : 'false'}
                  class={r.flagged ? 'flagged clickable' : 'clickable'}
                  onClick={e => { if (!(e.target as HTMLElement).closest('a')) navigate(`/rooms/${encodeURIComponent(r.roomId)}`); }}>
                  <td class="num">{num(i + 1)}</td>
                  <td>
                    <Link href={`/rooms/${encodeURIComponent(r.roomId)}`}><span dir="auto" data-testid="heat-title">{r.title || r.roomId}</span></Link>
                    {r.title ? <span class="muted heat-room-id"> {r.roomId}</span> : null}
                  </td>
                  <td class="num">
                    <span class="heatval">{num(r.heat, 1)}</span>
                    <RiskBar value={r.heat / maxHeat} label={t('heat.heat')} />
                  </td>
                  <td class="num">{compact(r.viewers)}</td>
                  <td class="wide"><span class="riskcell"><RiskBar value={r.risk} label={t('heat.risk')} /> {pct(r.risk)}</span></td>
                  <td>{r.flagged ? <span class="flag">{t('heat.flagged')}</span> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
