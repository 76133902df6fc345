import { api } from '../api';
import { useLoad } from '../hooks';
import { compact, dateTime, day, num, reasons, t, tk } from '../i18n';
import { canSeeVips } from '../roles';
import type { Me } from '../types';
import { LineChart, RiskBar } from './charts';
import { ErrorLine, Link, Loading } from './common';

export function VipPage({ id, me }: { id: string; me: Me }) {
  const profile = useLoad(() => api.vip(id), `vip:${id}`);
  const history = useLoad(() => api.vipHistory(id), `viphistory:${id}`);
  const p = profile.data;
  const days = history.data?.days ?? [];
  const base = history.data?.baseline;
  const labels = days.map(d => day(d.day));
  const e = p?.engagement;
  return (
    <section class="page" data-testid="vip-page" aria-labelledby="vip-heading">
      <div class="toolbar">
        <h1 id="vip-heading"><span class="muted">{t('vip.title')}</span> {id}</h1>
        <button type="button" onClick={() => { profile.reload(); history.reload(); }}>{t('common.refresh')}</button>
      </div>
      <Loading when={profile.loading && !p} />
      <ErrorLine error={profile.error} />
      {p && e && (
        <>
          <dl class="facts">
            <div><dt>{t('vip.churn')}</dt><dd class="big"><span class="riskcell"><RiskBar value={p.churnRisk / 100} label={t('vip.churn')} /> {num(p.churnRisk)}</span></dd></div>
            <div><dt>{t('vip.tier')}</dt><dd>{tk('tier', p.tier)} <span class="muted">({t('vip.spendTier', { tier: tk('tier', p.spendTier) })})</span></dd></div>
            <div><dt>{t('vip.advisor')}</dt><dd>{p.advisorId ?? '—'}</dd></div>
            <div><dt>{t('room.region')}</dt><dd>{p.region ? tk('region', p.region) : '—'}</dd></div>
            <div><dt>{t('vip.spend30')}</dt><dd>{compact(e.spend30Days)}</dd></div>
            <div><dt>{t('vip.gifts30')}</dt><dd>{num(e.gifts30Days)}</dd></div>
            <div><dt>{t('vip.sessions30')}</dt><dd>{num(e.sessions30Days)}</dd></div>
            <div><dt>{t('vip.minutes30')}</dt><dd>{num(e.minutes30Days)}</dd></div>
            <div><dt>{t('vip.lastSession')}</dt><dd>{e.daysSinceLastSession == null ? '—' : t('vip.daysAgo', { days: num(e.daysSinceLastSession, 1) })}</dd></div>
            <div><dt>{t('vip.lastGift')}</dt><dd>{e.daysSinceLastGift == null ? '—' : t('vip.daysAgo', { days: num(e.daysSinceLastGift, 1) })}</dd></div>
            <div><dt>{t('vip.complaints')}</dt><dd>{num(e.openComplaints)}</dd></div>
            <div><dt>{t('vip.survey')}</dt><dd>{e.lastSurveyScore == null ? '—' : num(e.lastSurveyScore)}</dd></div>
            <div><dt>{t('vip.nudge')}</dt><dd>{p.lastNudgeStatus ? tk('nudgeStatus', p.lastNudgeStatus) : '—'}</dd></div>
            <div><dt>{t('vip.wonBack')}</dt><dd>{dateTime(p.wonBackAt)}</dd></div>
          </dl>
          <div class="panel">
            <h2>{t('vip.reasons')}</h2>
            {p.reasons.length === 0 ? <p class="muted">{t('vip.noReasons')}</p> : <ul class="reasons">{reasons(p.reasons, p.reasonDetails).map((r, i) => <li key={i} dir="auto">{r}</li>)}</ul>}
            <p class="muted">{t('vip.assessed', { at: dateTime(p.assessedAt) })}</p>
          </div>
        </>
      )}
      <ErrorLine error={history.error} />
      {days.length > 0 && base && (
        <div class="charts">
          <LineChart title={t('vip.chartSpend')} xLabels={labels} format={v => compact(v)} series={[
            { label: t('vip.spend'), cls: 'c3', values: days.map(d => d.spend) },
            { label: t('vip.baseline'), cls: 'c7', dashed: true, values: days.map(() => base.spendPerDay) }]} />
          <LineChart title={t('vip.chartSessions')} xLabels={labels} format={v => num(v, 1)} series={[
            { label: t('vip.sessions'), cls: 'c1', values: days.map(d => d.sessions) },
            { label: t('vip.baseline'), cls: 'c7', dashed: true, values: days.map(() => base.sessionsPerDay) }]} />
        </div>
      )}
      {canSeeVips(me) && <p><Link href="/inbox">{t('vip.backToInbox')}</Link></p>}
    </section>
  );
}
