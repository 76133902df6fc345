// Push latency of the Vigil live hub (issue 4, section 6).
//
// One Node process, so one clock (performance.now()) for both ends: it opens N SignalR connections to /hubs/live,
// takes a Snapshot() on each, then posts moderation.score events to POST /api/events at a fixed rate. Every posted
// score adds one piece of evidence to an alerted (room, category), so the room updates that alert and the hub pushes
// an alert change whose evidenceCount is the number of scores the room has had. (roomId, evidenceCount) therefore
// names the post that caused the change: push latency = receipt of the `batch` item - start of that POST.
//
// Baseline in the same run: the HTTP round trip of the same ingest POSTs (the POST returns after the grains have
// applied the events and the alert change has been published to the feed, so it is the floor under the push).
//
// Usage: node push-benchmark.mjs --url http://127.0.0.1:5080 --token T --api-key K [--silo-pid P] [--connections 100]
//        [--rate 1000] [--duration 30] [--warmup 5] [--rooms 200] [--json out.json] [--markdown out.md]

import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import * as signalR from '@microsoft/signalr';

const args = parseArgs(process.argv.slice(2));
const url = (args.url ?? 'http://127.0.0.1:5080').replace(/\/$/, '');
const token = required('token');
const apiKey = required('api-key');
const siloPid = args['silo-pid'] ? Number(args['silo-pid']) : null;
const connectionCount = int('connections', 100);
const rate = int('rate', 1000); // alert changes posted per second
const durationS = num('duration', 30);
const warmupS = num('warmup', 5);
const roomCount = int('rooms', 200);
const tickMs = int('tick-ms', 10);
const drainMs = int('drain-ms', 2000);
const clockTicks = int('clk-tck', 100);
const category = args.category ?? 'gambling'; // NA/EU/...: alert at 0.75 after 2 scores; 0.95 -> risk 0.90 -> P3, SLA 30 min
const score = num('score', 0.95);
const regions = ['NA', 'EU', 'LATAM', 'SEA', 'SA'];
const runId = Date.now().toString(36);

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const key = argv[i].slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[key] = 'true';
    else { out[key] = next; i++; }
  }
  return out;
}
function required(name) {
  if (!args[name]) { console.error(`--${name} is required`); process.exit(2); }
  return args[name];
}
function num(name, dflt) { return args[name] === undefined ? dflt : Number(args[name]); }
function int(name, dflt) { return Math.trunc(num(name, dflt)); }
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const log = (...a) => console.error(`[bench ${(performance.now() / 1000).toFixed(1)}s]`, ...a);

// ---------------------------------------------------------------------------------------------------------------
// Measurements: a growable Float64Array per series, sorted once at the end.
class Series {
  constructor() { this.a = new Float64Array(1 << 16); this.n = 0; }
  push(v) {
    if (this.n === this.a.length) { const b = new Float64Array(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = v;
  }
  stats() {
    const s = this.a.subarray(0, this.n).slice().sort();
    const q = p => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] : NaN);
    let sum = 0;
    for (const v of s) sum += v;
    return { count: s.length, mean: s.length ? sum / s.length : NaN, p50: q(0.5), p90: q(0.9), p99: q(0.99), p999: q(0.999), max: s.length ? s[s.length - 1] : NaN, min: s.length ? s[0] : NaN };
  }
}

// /proc readers for the silo (and this process, for comparison).
function procCpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks; // utime + stime (fields 14 and 15 of stat)
}
function procRssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
function procThreads(pid) {
  const m = /Threads:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}
function machineCpu() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = line[3] + line[4];
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  return { idle, total };
}

// ---------------------------------------------------------------------------------------------------------------
// Rooms and posting.
const rooms = Array.from({ length: roomCount }, (_, i) => ({
  id: `pb-${runId}-r${String(i).padStart(4, '0')}`,
  broadcasterId: `pb-${runId}-b${String(i).padStart(4, '0')}`,
  region: regions[i % regions.length],
  evidence: 0, // scores posted and accepted so far = the evidenceCount the alert will carry
  inFlight: false,
}));
const roomById = new Map(rooms.map(r => [r.id, r]));

// (roomId, evidenceCount) -> the POST that produced it.
const posts = new Map();
const key = (roomId, count) => `${roomId}#${count}`;
const postRtt = new Series();
let postErrors = 0;
let postsSent = 0;
let eventsPosted = 0; // in the measured window
let measuring = false;
let windowStart = 0;
let windowEnd = Infinity;
let maxBehind = 0; // most changes the poster was ever behind its schedule (every idle room in flight, or a stall)

function scoreEvent(room) {
  room.evidence++;
  return {
    id: `pb-${runId}-${room.id.slice(-5)}-${room.evidence}`,
    type: 'moderation.score',
    ts: new Date().toISOString(),
    region: room.region,
    roomId: room.id,
    broadcasterId: room.broadcasterId,
    category,
    score,
    source: 'video',
    model: 'push-benchmark',
  };
}

async function post(batchRooms, record) {
  const events = batchRooms.map(scoreEvent);
  const body = events.map(e => JSON.stringify(e)).join('\n') + '\n';
  for (const r of batchRooms) r.inFlight = true;
  const t0 = performance.now();
  const entries = batchRooms.map(r => ({ t0, done: NaN, counted: record && measuring, roomId: r.id, count: r.evidence, firstSeen: NaN, lastSeen: NaN, seenBy: 0 }));
  for (const e of entries) posts.set(key(e.roomId, e.count), e);
  if (record && measuring) eventsPosted += events.length;
  postsSent++;
  try {
    const response = await fetch(`${url}/api/events`, {
      method: 'POST',
      headers: { 'X-Api-Key': apiKey, 'Content-Type': 'application/x-ndjson' },
      body,
    });
    const text = await response.text();
    const done = performance.now();
    if (response.status !== 202) throw new Error(`POST /api/events answered ${response.status}: ${text.slice(0, 300)}`);
    const result = JSON.parse(text);
    if (result.accepted !== events.length) throw new Error(`POST /api/events accepted ${result.accepted} of ${events.length}: ${text.slice(0, 300)}`);
    for (const e of entries) e.done = done;
    if (record && entries[0].counted) postRtt.push(done - t0);
  } catch (error) {
    postErrors++;
    if (postErrors <= 5) log('post failed:', error.message);
  } finally {
    for (const r of batchRooms) r.inFlight = false;
  }
}

// Round-robin over rooms that are not in flight, so a room's scores reach the silo in the order they were counted.
let cursor = 0;
function takeIdleRooms(n) {
  const out = [];
  for (let scanned = 0; scanned < rooms.length && out.length < n; scanned++) {
    const r = rooms[cursor];
    cursor = (cursor + 1) % rooms.length;
    if (!r.inFlight) out.push(r);
  }
  return out;
}

async function drive(seconds, onStart) {
  const start = performance.now();
  onStart?.(start);
  const end = start + seconds * 1000;
  let sent = 0;
  const pending = new Set();
  while (true) {
    const now = performance.now();
    if (now >= end) break;
    const due = Math.floor(((now - start) / 1000) * rate);
    if (due > sent) {
      const batch = takeIdleRooms(due - sent);
      maxBehind = Math.max(maxBehind, due - sent - batch.length);
      if (batch.length) {
        sent += batch.length;
        const p = post(batch, true);
        pending.add(p);
        p.finally(() => pending.delete(p));
      }
    }
    const next = start + Math.ceil((performance.now() - start + 0.001) / tickMs) * tickMs;
    await sleep(Math.max(0, next - performance.now()));
  }
  await Promise.all(pending);
  return { sent, seconds: (performance.now() - start) / 1000 };
}

// ---------------------------------------------------------------------------------------------------------------
// Connections and receipt.
const latency = new Series(); // per delivery (connection x alert change), ms from POST start to the `batch` handler
const arrival = new Series(); // the same, to the arrival of the WebSocket frame in JS (before SignalR parses it)
const latencyAfter202 = new Series(); // receipt - POST response, for the ones that arrived after the 202
const batchItems = new Series(); // items per batch
const batchGap = new Series(); // ms between two batches on one connection
const perSecond = new Map(); // second of the window -> Series (latency by post time)
let unmatched = 0;
let statusOnly = 0; // alert items whose evidenceCount this connection had already seen (status changes)
let sequenceGaps = 0;
let batches = 0;
let otherItems = 0;

class Conn {
  constructor(index) {
    this.index = index;
    this.lastSequence = null;
    this.lastBatchAt = NaN;
    this.seen = new Map(); // roomId -> highest evidenceCount seen
    this.deliveries = 0; // measured deliveries
    this.coalesced = 0; // evidence counts skipped over (posted updates never delivered on their own)
    this.latency = new Series();
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(`${url}/hubs/live`, {
        accessTokenFactory: () => token,
        transport: signalR.HttpTransportType.WebSockets,
        skipNegotiation: args['skip-negotiation'] === 'true',
      })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection.serverTimeoutInMilliseconds = 60_000;
    this.connection.on('batch', b => this.onBatch(b));
    // The time the frame reached JavaScript, before the SignalR client parses it (HubConnection sets this callback
    // on its HttpConnection, which hands it to the transport at start).
    const http = this.connection.connection;
    const onreceive = http.onreceive;
    http.onreceive = data => { this.arrivedAt = performance.now(); onreceive(data); };
    this.connection.onclose(error => { if (!stopping) log(`connection ${index} closed`, error?.message ?? ''); });
  }

  async start() {
    await this.connection.start();
    const t0 = performance.now();
    const snapshot = await this.connection.invoke('Snapshot');
    this.snapshotMs = performance.now() - t0;
    this.snapshotAlerts = snapshot.alerts?.length ?? 0;
    this.lastSequence = snapshot.sequence;
    for (const a of snapshot.alerts ?? []) this.seen.set(a.roomId, Math.max(this.seen.get(a.roomId) ?? 0, a.evidenceCount));
  }

  onBatch(b) {
    const t = performance.now();
    batches++;
    if (this.lastSequence !== null && b.after !== this.lastSequence) sequenceGaps++;
    this.lastSequence = b.sequence;
    if (!Number.isNaN(this.lastBatchAt) && measuring) batchGap.push(t - this.lastBatchAt);
    this.lastBatchAt = t;
    const items = b.items ?? [];
    if (measuring) batchItems.push(items.length);
    for (const item of items) {
      const alert = item.alert;
      if (item.kind !== 'alert' || !alert) { otherItems++; continue; }
      if (!roomById.has(alert.roomId)) { unmatched++; continue; }
      const previous = this.seen.get(alert.roomId) ?? 0;
      if (alert.evidenceCount <= previous) { statusOnly++; continue; }
      this.seen.set(alert.roomId, alert.evidenceCount);
      const p = posts.get(key(alert.roomId, alert.evidenceCount));
      if (!p) { unmatched++; continue; }
      if (!p.counted) continue;
      // The posted updates between the previous delivery and this one were coalesced into it.
      for (let c = previous + 1; c < alert.evidenceCount; c++) {
        if (posts.get(key(alert.roomId, c))?.counted) this.coalesced++;
      }
      const ms = t - p.t0;
      arrival.push(this.arrivedAt - p.t0);
      this.deliveries++;
      this.latency.push(ms);
      latency.push(ms);
      if (t > p.done) latencyAfter202.push(t - p.done);
      if (Number.isNaN(p.firstSeen)) p.firstSeen = t;
      p.lastSeen = t;
      p.seenBy++;
      const second = Math.floor((p.t0 - windowStart) / 1000);
      if (!perSecond.has(second)) perSecond.set(second, new Series());
      perSecond.get(second).push(ms);
    }
  }
}
let stopping = false;

async function waitForHealth() {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await sleep(250);
  }
  throw new Error(`${url}/health did not answer 200 within 120 s`);
}

// Other work on a shared machine (builds, tests) skews the figures: wait up to --quiet-wait seconds (default 120)
// for a second in which other processes use less than --quiet-cores (default 0.3) cores, and say how it went.
async function waitForQuiet() {
  const limitS = num('quiet-wait', 120);
  const maxOther = num('quiet-cores', 0.3);
  const cores = (await import('node:os')).cpus().length;
  const deadline = performance.now() + limitS * 1000;
  let other = NaN;
  let waited = 0;
  while (true) {
    const m0 = machineCpu();
    const s0 = siloPid ? procCpuSeconds(siloPid) : 0;
    const n0 = process.cpuUsage();
    const t0 = performance.now();
    await sleep(1000);
    const seconds = (performance.now() - t0) / 1000;
    const m1 = machineCpu();
    const busy = (1 - (m1.idle - m0.idle) / (m1.total - m0.total)) * cores;
    const silo = siloPid ? (procCpuSeconds(siloPid) - s0) / seconds : 0;
    const n = process.cpuUsage(n0);
    other = Math.max(0, busy - silo - (n.user + n.system) / 1e6 / seconds);
    if (other <= maxOther || performance.now() >= deadline) break;
    if (waited === 0) log(`other processes use ${other.toFixed(2)} cores; waiting up to ${limitS} s for a quieter machine`);
    waited++;
  }
  const note = `${waited ? `waited ${waited} s, ` : ''}other processes used ${other.toFixed(2)} cores, load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`;
  log(note);
  return { waitedSeconds: waited, otherCores: other, quiet: other <= maxOther, note };
}

async function openAlerts() {
  const r = await fetch(`${url}/api/alerts?status=open`, { headers: { Authorization: `Bearer ${token}` } });
  if (!r.ok) throw new Error(`GET /api/alerts answered ${r.status}`);
  const alerts = await r.json();
  return alerts.filter(a => roomById.has(a.roomId)).length;
}

// ---------------------------------------------------------------------------------------------------------------
async function main() {
  await waitForHealth();
  log(`silo healthy at ${url}; ${roomCount} rooms, ${connectionCount} connections, ${rate} changes/s, ${warmupS}s warm-up + ${durationS}s window`);

  // 1. Raise one alert per room: two scores each (the category needs 2 pieces of evidence), one room per line.
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < rooms.length; i += 100) await post(rooms.slice(i, i + 100), false);
  }
  if (postErrors) throw new Error('raising the alerts failed');
  const raised = await openAlerts();
  log(`${raised} of ${roomCount} alerts open`);
  if (raised !== roomCount) throw new Error(`expected ${roomCount} open alerts, found ${raised}`);

  // 2. Connect, ten at a time, and take a snapshot on each.
  const conns = Array.from({ length: connectionCount }, (_, i) => new Conn(i));
  const connectStart = performance.now();
  for (let i = 0; i < conns.length; i += 10) await Promise.all(conns.slice(i, i + 10).map(c => c.start()));
  const connectSeconds = (performance.now() - connectStart) / 1000;
  const snapshotMs = new Series();
  for (const c of conns) snapshotMs.push(c.snapshotMs);
  log(`${conns.length} connections with snapshots of ${conns[0].snapshotAlerts} alerts in ${connectSeconds.toFixed(1)} s`);

  // 3. Warm-up (JIT, pools, GC sizing), then the measured window, once the machine is quiet enough.
  await drive(warmupS);
  const quiet = await waitForQuiet();
  await drive(1);
  await sleep(300);
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  const cpuStartSilo = siloPid ? procCpuSeconds(siloPid) : NaN;
  const cpuStartNode = process.cpuUsage();
  const machineStart = machineCpu();
  const rssSamples = new Series();
  const siloCpuPerSecond = [];
  let lastCpu = cpuStartSilo;
  const sampler = setInterval(() => {
    if (!siloPid) return;
    rssSamples.push(procRssMiB(siloPid));
    const cpu = procCpuSeconds(siloPid);
    siloCpuPerSecond.push(cpu - lastCpu);
    lastCpu = cpu;
  }, 1000);
  loopDelay.enable();
  const wallStart = performance.now();
  const run = await drive(durationS, start => { windowStart = start; measuring = true; });
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const cpuEndSilo = siloPid ? procCpuSeconds(siloPid) : NaN;
  const cpuNode = process.cpuUsage(cpuStartNode);
  const machineEnd = machineCpu();
  windowEnd = performance.now();
  loopDelay.disable();
  clearInterval(sampler);
  await sleep(drainMs); // late deliveries of the last posts still count
  measuring = false;
  stopping = true;
  const siloRssEnd = siloPid ? procRssMiB(siloPid) : NaN;
  const siloThreads = siloPid ? procThreads(siloPid) : NaN;
  await Promise.all(conns.map(c => c.connection.stop().catch(() => {})));

  // 4. Figures.
  const measuredPosts = [...posts.values()].filter(p => p.counted);
  const expectedDeliveries = measuredPosts.length * conns.length;
  const perConnP99 = new Series();
  let coalesced = 0;
  let deliveries = 0;
  for (const c of conns) {
    coalesced += c.coalesced;
    deliveries += c.deliveries;
    if (c.latency.n) perConnP99.push(c.latency.stats().p99);
  }
  const notDelivered = expectedDeliveries - deliveries - coalesced;
  const fanout = new Series();
  for (const p of measuredPosts) if (p.seenBy > 1) fanout.push(p.lastSeen - p.firstSeen);
  const lat = latency.stats();
  const rtt = postRtt.stats();
  const siloCores = (cpuEndSilo - cpuStartSilo) / wallSeconds;
  const nodeCores = (cpuNode.user + cpuNode.system) / 1e6 / wallSeconds;
  const cores = (await import('node:os')).cpus().length;
  const machineBusy = 1 - (machineEnd.idle - machineStart.idle) / (machineEnd.total - machineStart.total);
  const otherCores = Math.max(0, machineBusy * cores - siloCores - nodeCores);
  const worstSeconds = [...perSecond.entries()].map(([s, series]) => ({ second: s, ...series.stats() }))
    .filter(s => s.second >= 0 && s.second < Math.ceil(durationS)).sort((a, b) => a.second - b.second);

  const result = {
    measuredAt: new Date().toISOString(),
    setup: { connections: conns.length, rooms: roomCount, rate, durationS, warmupS, tickMs, category, node: process.version, cores },
    quiet,
    connect: { seconds: connectSeconds, snapshotAlerts: conns[0].snapshotAlerts, snapshotMs: snapshotMs.stats() },
    posted: { changes: measuredPosts.length, perSecond: measuredPosts.length / run.seconds, posts: postRtt.n, errors: postErrors, maxBehind },
    push: { ...lat, deliveries, deliveriesPerSecond: deliveries / run.seconds, perConnectionDeliveriesPerSecond: deliveries / run.seconds / conns.length },
    pushAfter202: latencyAfter202.stats(),
    frameArrival: arrival.stats(),
    coalesced: { count: coalesced, share: coalesced / expectedDeliveries },
    notDelivered,
    sequenceGaps,
    unmatched,
    statusOnly,
    otherItems,
    batches: { count: batches, itemsPerBatch: batchItems.stats(), gapMs: batchGap.stats() },
    perConnectionP99: perConnP99.stats(),
    fanoutSpreadMs: fanout.stats(),
    baseline: { ingestPostRoundTripMs: rtt, ratioP50: lat.p50 / rtt.p50, ratioP99: lat.p99 / rtt.p99 },
    cpu: {
      siloCores,
      siloCpuPerSecond: siloCpuPerSecond.map(v => Math.round(v * 100) / 100),
      siloRssMiBMax: rssSamples.stats().max,
      siloRssMiBEnd: siloRssEnd,
      siloThreads,
      nodeCores,
      otherCores,
      loadAverageAfter: (await import('node:os')).loadavg()[0],
      nodeRssMiB: process.memoryUsage().rss / 1048576,
      machineBusy,
      nodeEventLoopDelayMs: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    },
    perSecond: worstSeconds.map(s => ({ second: s.second, count: s.count, p50: s.p50, p99: s.p99, max: s.max })),
    target: { p99Ms: 50, met: lat.p99 <= 50 },
  };

  if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2));
  const md = markdown(result);
  if (args.markdown) writeFileSync(args.markdown, md);
  process.stdout.write(md);
  if (postErrors || lat.count === 0) process.exitCode = 1;
}

const f = (v, d = 1) => (Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : '-');

function markdown(r) {
  const p = r.push;
  const b = r.baseline.ingestPostRoundTripMs;
  const lines = [];
  lines.push(`| Figure | Value | Unit | Baseline | Ratio | Target | Met? |`);
  lines.push(`| --- | ---: | --- | ---: | ---: | --- | --- |`);
  lines.push(`| Push latency p50, ingest POST to receipt | ${f(p.p50)} | ms | ${f(b.p50)} | ${f(r.baseline.ratioP50, 2)}x | - | - |`);
  lines.push(`| Push latency p99 | ${f(p.p99)} | ms | ${f(b.p99)} | ${f(r.baseline.ratioP99, 2)}x | <= 50 | ${r.target.met ? 'yes' : 'no'} |`);
  lines.push(`| Push latency max | ${f(p.max)} | ms | ${f(b.max)} | ${f(p.max / b.max, 2)}x | - | - |`);
  lines.push(`| Deliveries (connection x alert change) | ${f(p.deliveriesPerSecond, 0)} | /s | - | - | - | - |`);
  lines.push(`| Alert changes posted | ${f(r.posted.perSecond, 0)} | /s | - | - | 1,000 | ${r.posted.perSecond >= 990 ? 'yes' : 'no'} |`);
  lines.push(`| Posted changes coalesced by the hub (per connection) | ${f(r.coalesced.share * 100, 2)} | % | - | - | - | - |`);
  lines.push(`| Silo CPU | ${f(r.cpu.siloCores, 2)} | cores | - | - | - | - |`);
  lines.push(`| Silo RSS (max) | ${f(r.cpu.siloRssMiBMax, 0)} | MiB | - | - | - | - |`);
  lines.push('');
  if (!r.quiet.quiet || r.cpu.otherCores > 0.3) {
    lines.push(`**Other processes used ${f(r.cpu.otherCores, 2)} of the ${r.setup.cores} cores during the window (${f(r.quiet.otherCores, 2)} just before it): these figures include that contention.**`);
    lines.push('');
  }
  lines.push(`Set-up: ${r.setup.connections} connections (WebSockets, JSON protocol) to \`/hubs/live\`, each with a Snapshot() of ${r.connect.snapshotAlerts} open alerts; ` +
    `${r.setup.rate.toLocaleString('en-US')} alert changes/s (\`moderation.score\` on ${r.setup.rooms} alerted rooms, NDJSON every ${r.setup.tickMs} ms) ` +
    `for ${r.setup.durationS} s after a ${r.setup.warmupS} s warm-up; Node ${r.setup.node}, ${r.setup.cores} cores shared by the silo and the client.`);
  lines.push('');
  lines.push(`Details: ${f(p.count, 0)} deliveries measured, p90 ${f(p.p90)} ms, p99.9 ${f(p.p999)} ms; ` +
    `worst connection's p99 ${f(r.perConnectionP99.max)} ms (best ${f(r.perConnectionP99.min)} ms); ` +
    `fan-out spread (first to last connection receiving one change) p50 ${f(r.fanoutSpreadMs.p50)} ms, p99 ${f(r.fanoutSpreadMs.p99)} ms; ` +
    `WebSocket frame reached JavaScript (before SignalR parsing) p50 ${f(r.frameArrival.p50)} ms, p99 ${f(r.frameArrival.p99)} ms; ` +
    `receipt after the POST's 202: p50 ${f(r.pushAfter202.p50)} ms, p99 ${f(r.pushAfter202.p99)} ms. ` +
    `Batches: ${f(r.batches.itemsPerBatch.p50, 0)} items (p50), ${f(r.batches.gapMs.p50)} ms apart (p50, p1 of gaps ${f(r.batches.gapMs.min)} ms). ` +
    `Coalesced ${r.coalesced.count.toLocaleString('en-US')} of ${(r.posted.changes * r.setup.connections).toLocaleString('en-US')} posted changes x connections; ` +
    `never delivered ${r.notDelivered.toLocaleString('en-US')}; sequence gaps ${r.sequenceGaps}; POST errors ${r.posted.errors}; poster at most ${r.posted.maxBehind} changes behind schedule.`);
  lines.push('');
  lines.push(`CPU over the window: silo ${f(r.cpu.siloCores, 2)} cores, Node client ${f(r.cpu.nodeCores, 2)} cores, other processes ${f(r.cpu.otherCores, 2)} cores ` +
    `(machine ${f(r.cpu.machineBusy * 100, 0)}% busy; before the window: ${r.quiet.note}); ` +
    `silo RSS ${f(r.cpu.siloRssMiBEnd, 0)} MiB at the end, ${r.cpu.siloThreads} threads; Node event-loop delay p99 ${f(r.cpu.nodeEventLoopDelayMs.p99)} ms, max ${f(r.cpu.nodeEventLoopDelayMs.max)} ms. ` +
    `Silo CPU per second: ${r.cpu.siloCpuPerSecond.join(' ')}.`);
  lines.push('');
  lines.push(`Push latency per second of the window (p50 / p99 / max ms): ` +
    r.perSecond.map(s => `${s.second}: ${f(s.p50, 0)}/${f(s.p99, 0)}/${f(s.max, 0)}`).join(', ') + '.');
  lines.push('');
  return lines.join('\n');
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
