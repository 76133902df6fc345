// A stand-in backend for working on the browser app without a silo: serves ../../wwwroot with the spec's CSP, fakes
// /auth, the REST endpoints and the /hubs/live hub (SignalR JSON protocol over long polling), and keeps raising
// alerts (some with HTML in their titles) so the wall moves. Not used by the build or the tests.
//   node dev/mock-server.mjs [port]      then open http://localhost:5099/ and sign in as operator / operator-demo.
//   MOCK_USER=advisor node dev/mock-server.mjs   starts signed in (for headless screenshots).
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'wwwroot');
const port = Number(process.argv[2] ?? 5099);
const RS = '\x1e';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const routes = [/^\/$/, /^\/wall$/, /^\/heat$/, /^\/rooms\/[^/]+$/, /^\/broadcasters\/[^/]+$/, /^\/vips\/[^/]+$/, /^\/inbox$/, /^\/incidents$/, /^\/incidents\/[^/]+$/, /^\/admin$/, /^\/sign-in$/];
const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.map': 'application/json' };

const users = {
  operator: { roles: ['operator'], regions: [], advisorId: null, language: 'en' },
  advisor: { roles: ['advisor'], regions: ['MENA'], advisorId: 'advisor', language: 'ar' },
  commander: { roles: ['commander'], regions: [], advisorId: null, language: 'en' },
  qa: { roles: ['qa'], regions: [], advisorId: null, language: 'es' },
  admin: { roles: ['admin'], regions: [], advisorId: null, language: 'en' },
};
const me = name => ({ userName: name, displayName: name[0].toUpperCase() + name.slice(1), ...users[name] });

const regions = ['MENA', 'NA', 'LATAM', 'EU', 'SEA'];
const categories = ['nudity', 'violence', 'minor_safety', 'hate', 'self_harm', 'gambling', 'spam'];
const titles = ['Late night chat 🌙', '<img src=x onerror=alert(1)>', 'جلسة غناء مباشرة', 'Fiesta en vivo', '<script>alert("t")</script> gaming', 'Cooking with Sam'];
let seq = 100, alertNo = 1;
const now = () => new Date().toISOString();
const alerts = new Map(), nudges = new Map(), incidents = new Map();

function raise() {
  const region = regions[alertNo % regions.length];
  const id = `${region}-${String(alertNo).padStart(6, '0')}`;
  const severity = ['P1', 'P2', 'P3', 'P4'][alertNo % 4];
  const a = {
    id, roomId: `room-${alertNo % 9}`, broadcasterId: `bc-${alertNo % 5}`, region, category: categories[alertNo % categories.length],
    severity, status: 'open', raisedAt: new Date(Date.now() - (alertNo % 5) * 40_000).toISOString(), updatedAt: now(),
    reasons: ['video classifier scored nudity 0.93 (peak 0.97) over 4 minutes', '3 viewer reports in 2 minutes', 'chat: <b>bold</b> & "quotes"'],
    evidenceCount: 3 + alertNo % 7, peakScore: 0.6 + (alertNo % 4) / 10, version: 1, assignedTo: null,
    viewers: 120 * alertNo, title: titles[alertNo % titles.length], trend: Array.from({ length: 20 }, (_, i) => Math.min(1, 0.2 + i * 0.035 + Math.sin(i + alertNo) * 0.05)),
  };
  alertNo++;
  alerts.set(id, a);
  return a;
}
for (let i = 0; i < 9; i++) raise();
const nudge = (id, userId, advisorId, risk) => ({ id, userId, advisorId, risk, reasons: ['spend down 72% vs their 4-week average', 'no session for 9 days'], status: 'open', snoozedUntil: null, createdAt: new Date(Date.now() - 3600_000).toISOString(), updatedAt: now(), dueAt: new Date(Date.now() + 7200_000).toISOString(), notes: [], contactedAt: null, wonBackAt: null, version: 1 });
nudges.set('n-1', nudge('n-1', 'vip-1', 'advisor', 81));
nudges.set('n-2', nudge('n-2', 'vip-2', 'advisor', 64));
nudges.set('n-3', nudge('n-3', 'vip-9', 'advisor2', 70));
const heatList = () => Array.from({ length: 12 }, (_, i) => ({ roomId: `room-${i}`, heat: 100 - i * 7 + Math.random() * 3, viewers: 5000 - i * 300, risk: (i * 37 % 100) / 100, flagged: i % 3 === 0 }));
const snapshot = user => ({
  sequence: seq,
  alerts: user.roles.includes('advisor') ? [] : [...alerts.values()].filter(a => a.status !== 'resolved'),
  heat: user.roles.includes('advisor') ? [] : ['global', ...regions].map(listId => ({ listId, top: heatList() })),
  nudges: [...nudges.values()].filter(n => user.roles.includes('admin') || n.advisorId === user.advisorId),
  incidents: [...incidents.values()].filter(i => i.status !== 'resolved'),
});

// Long-polling SignalR connections: token -> { user, queue, waiter, lastSent }
const conns = new Map();
function send(c, msg) {
  c.queue.push(JSON.stringify(msg) + RS);
  if (c.waiter) { const w = c.waiter; c.waiter = null; w(); }
}
function broadcast(items) {
  seq += items.length;
  for (const c of conns.values()) {
    if (!c.ready) continue;
    const batch = { after: c.lastSent, sequence: seq, items: items.map((it, k) => ({ seq: seq - items.length + k + 1, ...it })) };
    c.lastSent = seq;
    send(c, { type: 1, target: 'batch', arguments: [batch] });
  }
}
setInterval(() => {
  const roll = Math.random();
  if (roll < 0.4 && alerts.size < 30) { const a = raise(); broadcast([{ kind: 'alert', change: 'raised', alert: a }]); }
  else if (roll < 0.8) {
    const open = [...alerts.values()].filter(a => a.status !== 'resolved');
    const a = open[Math.floor(Math.random() * open.length)];
    if (a) { a.trend = [...a.trend.slice(1), Math.min(1, Math.random())]; a.evidenceCount++; a.version++; a.viewers += 17; broadcast([{ kind: 'alert', change: 'updated', alert: { ...a } }]); }
  } else broadcast([{ kind: 'heat', change: 'updated', heat: { listId: 'global', top: heatList() } }]);
}, 2000);

function hubInvoke(c, m) {
  const args = m.arguments ?? [];
  const done = result => send(c, { type: 3, invocationId: m.invocationId, result });
  const fail = error => send(c, { type: 3, invocationId: m.invocationId, error });
  switch (m.target) {
    case 'Snapshot': { const s = snapshot(c.user); c.lastSent = s.sequence; c.ready = true; return done(s); }
    case 'Resume': { const s = snapshot(c.user); c.lastSent = s.sequence; c.ready = true; return done({ sequence: s.sequence, items: null, snapshot: s }); }
    case 'ActOnAlert': {
      if (c.user.roles.includes('qa') || c.user.roles.includes('advisor')) return fail('forbidden: your role cannot act on alerts');
      const a = alerts.get(args[0]); if (!a) return fail('No alert ' + args[0]);
      a.status = { acknowledge: 'acknowledged', escalate: 'escalated', resolve: 'resolved' }[args[1]] ?? a.status;
      if (args[1] === 'assign') a.assignedTo = args[3];
      a.version++; a.updatedAt = now();
      (a.audit ??= []).push({ at: now(), actor: c.user.userName, action: args[1], note: args[2] });
      done({ ...a }); broadcast([{ kind: 'alert', change: args[1], alert: { ...a } }]); return;
    }
    case 'ActOnNudge': {
      const n = nudges.get(args[0]); if (!n) return fail('No nudge');
      n.status = { acknowledge: 'acknowledged', contacted: 'contacted', resolve: 'resolved', snooze: 'snoozed' }[args[2]];
      if (args[2] === 'snooze') n.snoozedUntil = args[3];
      if (args[2] === 'contacted') n.contactedAt = now();
      n.version++; done({ ...n }); broadcast([{ kind: 'nudge', nudge: { ...n } }]); return;
    }
    case 'AddNudgeNote': {
      const n = nudges.get(args[0]); const note = { id: 'note-' + Date.now(), userId: n.userId, nudgeId: n.id, text: args[2], createdAt: now(), dueAt: args[3] };
      n.notes = [...n.notes, note]; n.version++; done(note); broadcast([{ kind: 'nudge', nudge: { ...n } }]); return;
    }
    case 'DeclareIncident': {
      const d = args[0]; const id = 'INC-' + (incidents.size + 1);
      const linked = d.alertIds.map(x => alerts.get(x)).filter(Boolean);
      const inc = { id, title: d.title, severity: d.severity, status: 'declared', commander: d.commander, declaredBy: c.user.userName, declaredAt: now(), updatedAt: now(), resolvedAt: null, alertIds: d.alertIds, roomIds: [...new Set(linked.map(a => a.roomId))], broadcasterIds: [...new Set(linked.map(a => a.broadcasterId))], regions: [...new Set(linked.map(a => a.region))], timeline: [{ at: now(), actor: c.user.userName, what: 'declared the incident', note: null }], version: 1 };
      incidents.set(id, inc); done(inc); broadcast([{ kind: 'incident', incident: inc }]); return;
    }
    case 'SetIncidentStatus': case 'AddIncidentNote': {
      const inc = incidents.get(args[0]); if (!inc) return fail('No incident');
      if (m.target === 'SetIncidentStatus') { inc.status = args[1]; if (args[1] === 'resolved') inc.resolvedAt = now(); inc.timeline = [...inc.timeline, { at: now(), actor: c.user.userName, what: 'set status ' + args[1], note: args[2] }]; }
      else inc.timeline = [...inc.timeline, { at: now(), actor: c.user.userName, what: 'noted', note: args[1] }];
      inc.version++; done({ ...inc }); broadcast([{ kind: 'incident', incident: { ...inc } }]); return;
    }
    default: return fail('Unknown method ' + m.target);
  }
}

function body(req) {
  return new Promise(resolve => { let s = ''; req.on('data', d => (s += d)); req.on('end', () => resolve(s)); });
}
function json(res, status, value, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(value === undefined ? '' : JSON.stringify(value));
}
function userOf(req) {
  const m = /(?:^|; )mock=(\w+)/.exec(req.headers.cookie ?? '');
  const name = m?.[1] ?? process.env.MOCK_USER;
  return name && users[name] ? me(name) : null;
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const user = userOf(req);
  if (req.method !== 'GET' && (p.startsWith('/api') || p.startsWith('/auth')) && (req.headers['x-vigil-request'] !== '1' || !String(req.headers['content-type']).startsWith('application/json'))) {
    return json(res, 400, { error: 'missing X-Vigil-Request or JSON content type' });
  }
  if (p === '/auth/sign-in') {
    const { userName, password } = JSON.parse(await body(req));
    if (users[userName] && password === `${userName}-demo`) return json(res, 200, me(userName), { 'Set-Cookie': `mock=${userName}; Path=/; HttpOnly; SameSite=Strict` });
    return json(res, 401, { error: 'bad user name or password' });
  }
  if (p === '/auth/sign-out') return json(res, 204, undefined, { 'Set-Cookie': 'mock=; Path=/; Max-Age=0' });
  if (p.startsWith('/api') || p.startsWith('/auth') || p.startsWith('/hubs')) { if (!user) return json(res, 401, { error: 'sign in' }); }
  if (p === '/auth/me') return req.method === 'PUT' ? json(res, 405, {}) : json(res, 200, user);
  if (p === '/auth/me/language') { const { language } = JSON.parse(await body(req)); users[user.userName].language = language; return json(res, 200, me(user.userName)); }

  if (p === '/hubs/live/negotiate') {
    const token = Math.random().toString(36).slice(2);
    conns.set(token, { user, queue: [], waiter: null, lastSent: 0, ready: false, handshaken: false });
    return json(res, 200, { negotiateVersion: 1, connectionId: token, connectionToken: token, availableTransports: [{ transport: 'LongPolling', transferFormats: ['Text'] }] });
  }
  if (p === '/hubs/live') {
    const c = conns.get(url.searchParams.get('id'));
    if (!c) return json(res, 404, {});
    if (req.method === 'DELETE') { conns.delete(url.searchParams.get('id')); return json(res, 202, undefined); }
    if (req.method === 'POST') {
      const text = await body(req);
      for (const frame of text.split(RS).filter(Boolean)) {
        const m = JSON.parse(frame);
        if (!c.handshaken) { c.handshaken = true; c.queue.push('{}' + RS); continue; }
        if (m.type === 1) hubInvoke(c, m);
      }
      if (c.waiter) { const w = c.waiter; c.waiter = null; w(); }
      res.writeHead(200, { 'Content-Type': 'text/plain' }); return res.end('');
    }
    // Like ASP.NET Core, the first poll answers at once: the client counts the transport connected when it returns.
    if (!c.polled) { c.polled = true; res.writeHead(200, { 'Content-Type': 'text/plain' }); return res.end(''); }
    if (c.queue.length === 0) await new Promise(r => { c.waiter = r; setTimeout(r, 20_000); });
    const out = c.queue.splice(0).join('');
    if (!out) { res.writeHead(204); return res.end(); }
    res.writeHead(200, { 'Content-Type': 'text/plain' }); return res.end(out);
  }

  let m;
  if ((m = /^\/api\/rooms\/([^/]+)$/.exec(p))) return json(res, 200, { roomId: m[1], broadcasterId: 'bc-1', region: 'MENA', title: '<img src=x onerror=alert(1)> room', lang: 'ar', live: true, startedAt: new Date(Date.now() - 5400_000).toISOString(), viewers: 4312, peakViewers: 5120, chatPerMinute: 88.5, giftValuePerMinute: 1200, heat: 77.2, state: 'Alert', risks: [{ category: 'nudity', risk: 0.82, state: 'alert', peakScore: 0.97, evidenceCount: 6, openAlertId: 'MENA-000001', reasons: ['video classifier 0.93'] }, { category: 'hate', risk: 0.31, state: 'watch', peakScore: 0.5, evidenceCount: 2, openAlertId: null, reasons: ['chat toxicity'] }], openAlertIds: [...alerts.values()].filter(a => a.roomId === m[1]).map(a => a.id) });
  if ((m = /^\/api\/rooms\/([^/]+)\/history$/.exec(p))) return json(res, 200, { roomId: m[1], points: Array.from({ length: 60 }, (_, i) => ({ at: new Date(Date.now() - (60 - i) * 60_000).toISOString(), viewers: 3000 + i * 30 + Math.round(Math.sin(i / 5) * 300), giftValue: Math.round(500 + Math.cos(i / 4) * 400), chatLines: 60 + (i % 13) * 4, risks: { nudity: Math.min(1, i / 60 + 0.1), hate: 0.2 + Math.sin(i / 8) * 0.1 } })) });
  if ((m = /^\/api\/broadcasters\/([^/]+)$/.exec(p))) return json(res, 200, { broadcasterId: m[1], strikes: 7.5, recentEnforcements: 3, repeatOffender: true, suggestedStep: 'temporary_live_ban', suggestionReason: '3 enforcements in 30 days, strike points 7.5 above 6', history: [{ decisionId: 'd1', moderatorId: 'mod-7', action: 'warn', category: 'nudity', stage: 'live', roomId: 'room-1', at: new Date(Date.now() - 86400_000 * 3).toISOString() }, { decisionId: 'd2', moderatorId: 'mod-2', action: 'end_stream', category: 'hate', stage: 'post', roomId: null, at: new Date(Date.now() - 86400_000).toISOString() }], openAlertIds: [...alerts.values()].filter(a => a.broadcasterId === m[1]).map(a => a.id), sessions: 41 });
  const profile = id => ({ userId: id, tier: 'gold', spendTier: 'silver', advisorId: 'advisor', region: 'MENA', churnRisk: 40 + (id.length * 13) % 60, reasons: ['spend down 72% vs their 4-week average', 'no session for 9 days', 'open complaint for 4 days'], engagement: { spend30Days: 125000, gifts30Days: 212, sessions30Days: 18, minutes30Days: 940, daysSinceLastSession: 9.2, daysSinceLastGift: 11.5, openComplaints: 1, oldestOpenComplaintDays: 4, lastSurveyScore: 2 }, lastNudgeId: 'n-1', lastNudgeStatus: 'open', wonBackAt: null, assessedAt: now() });
  if ((m = /^\/api\/vips\/([^/]+)$/.exec(p))) return json(res, 200, profile(m[1]));
  if ((m = /^\/api\/vips\/([^/]+)\/history$/.exec(p))) return json(res, 200, { userId: m[1], days: Array.from({ length: 60 }, (_, i) => ({ day: new Date(Date.now() - (60 - i) * 86400_000).toISOString().slice(0, 10), spend: Math.max(0, 5000 - i * 70 + Math.sin(i) * 800), gifts: 8, sessions: Math.max(0, 3 - Math.floor(i / 20)), minutes: 60 })), baseline: { spendPerDay: 4200, sessionsPerDay: 2.4 } });
  if ((m = /^\/api\/advisors\/([^/]+)\/portfolio$/.exec(p))) return json(res, 200, ['vip-1', 'vip-2', 'vip-33', 'vip-4444'].map(profile).sort((a, b) => b.churnRisk - a.churnRisk));
  if ((m = /^\/api\/alerts\/([^/]+)\/audit$/.exec(p))) return json(res, 200, [{ at: alerts.get(m[1])?.raisedAt ?? now(), actor: 'system', action: 'raised', note: null }, ...(alerts.get(m[1])?.audit ?? [])]);
  if (p === '/api/heat') return json(res, 200, heatList());
  if (p === '/api/incidents') return json(res, 200, [...incidents.values()]);
  if ((m = /^\/api\/incidents\/([^/]+)$/.exec(p))) return incidents.has(m[1]) ? json(res, 200, incidents.get(m[1])) : json(res, 404, { error: 'no incident' });
  if (p === '/api/admin/users') return json(res, 200, Object.keys(users).map(me));
  if ((m = /^\/api\/admin\/users\/([^/]+)$/.exec(p))) {
    if (req.method === 'DELETE') { delete users[m[1]]; return json(res, 204); }
    const u = JSON.parse(await body(req)); users[m[1]] = { roles: u.roles, regions: u.regions, advisorId: u.advisorId, language: u.language }; return json(res, 200, me(m[1]));
  }
  if (p.startsWith('/api')) return json(res, 404, { error: 'mock has no ' + p });

  const file = routes.some(r => r.test(p)) ? 'index.html' : p.slice(1);
  const full = join(root, file);
  if (!file.includes('..') && existsSync(full)) {
    res.writeHead(200, { 'Content-Type': (types[extname(full)] ?? 'application/octet-stream') + '; charset=utf-8', 'Cache-Control': 'no-cache' });
    return res.end(readFileSync(full));
  }
  res.writeHead(404); res.end();
}).listen(port, () => console.log(`mock Vigil on http://localhost:${port}/ (operator / operator-demo)`));
