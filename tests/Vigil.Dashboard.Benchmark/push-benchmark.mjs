// Push latency of the Vigil live hub (issue 4, section 6).
//
// One Node process, so one clock for both ends (performance.timeOrigin + performance.now(), the same monotonic
// clock in every thread of the process). The main thread posts moderation.score events to POST /api/events at a
// fixed rate; worker threads (default: one per core) hold the N SignalR connections to /hubs/live, each with a
// Snapshot(). Every posted score adds one piece of evidence to an alerted (room, category), so the room updates
// that alert and the hub pushes an alert change whose evidenceCount is the number of scores the room has had:
// (roomId, evidenceCount) names the post that caused the change, whose start time the main thread wrote into a
// SharedArrayBuffer. Push latency = receipt of the `batch` item by the handler - start of that POST.
//
// Why workers: one thread parsing 100 connections' frames one after the other queues the last connection behind
// the other 99 (a browser parses only its own); spreading the connections over threads keeps that artefact of the
// load client small. --workers 0 runs everything on the main thread, for comparison.
//
// Baseline in the same run: the HTTP round trip of the same ingest POSTs (the POST returns after the grains have
// applied the events and published the alert change to the feed, so it is the floor under the push).
//
// Usage: node push-benchmark.mjs --url http://127.0.0.1:5080 --token T --api-key K [--silo-pid P] [--connections 100]
//        [--rate 1000] [--duration 30] [--warmup 5] [--rooms 200] [--workers 2] [--json out.json] [--markdown out.md]

import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import * as signalR from '@microsoft/signalr';

const args = isMainThread ? parseArgs(process.argv.slice(2)) : workerData.args;
const url = (args.url ?? 'http://127.0.0.1:5080').replace(/\/$/, '');
const token = required('token');
const apiKey = required('api-key');
const siloPid = args['silo-pid'] ? Number(args['silo-pid']) : null;
const connectionCount = int('connections', 100);
const rate = int('rate', 1000); // alert changes posted per second
const durationS = num('duration', 30);
const warmupS = num('warmup', 5);
const roomCount = int('rooms', 200);
const workerCount = int('workers', cpus().length);
const tickMs = int('tick-ms', 10);
const drainMs = int('drain-ms', 2000);
const clockTicks = int('clk-tck', 100);
const category = args.category ?? 'gambling'; // NA/EU/...: alert at 0.75 after 2 scores; 0.95 -> risk 0.90 -> P3, SLA 30 min
const score = num('score', 0.95);
const regions = ['NA', 'EU', 'LATAM', 'SEA', 'SA'];
const runId = isMainThread ? Date.now().toString(36) : workerData.runId;
// Scores one room can get in a run (2 to raise + its share of the warm-up, re-warm and window), with room to spare.
const maxCount = Math.ceil((rate * (warmupS + durationS + 3)) / roomCount) * 2 + 64;

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
const now = () => performance.timeOrigin + performance.now(); // ms, the same clock in every thread
const started = now();
const log = (...a) => console.error(`[bench ${((now() - started) / 1000).toFixed(1)}s]`, ...a);

// ---------------------------------------------------------------------------------------------------------------
// Measurements: a growable Float64Array per series, sorted once at the end.
class Series {
  constructor(initial = 1 << 12) { this.a = new Float64Array(initial); this.n = 0; }
  push(v) {
    if (this.n === this.a.length) { const b = new Float64Array(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = v;
  }
  values() { return this.a.subarray(0, this.n); }
  static of(arrays) {
    const s = new Series(Math.max(1, arrays.reduce((n, a) => n + a.length, 0)));
    for (const a of arrays) { s.a.set(a, s.n); s.n += a.length; }
    return s;
  }
  stats() {
    const s = this.values().slice().sort();
    const q = p => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] : NaN);
    let sum = 0;
    for (const v of s) sum += v;
    return { count: s.length, mean: s.length ? sum / s.length : NaN, p50: q(0.5), p90: q(0.9), p99: q(0.99), p999: q(0.999), max: s.length ? s[s.length - 1] : NaN, min: s.length ? s[0] : NaN };
  }
}

// The post table, shared by all threads: index = room * maxCount + evidenceCount.
//   t0: start of the POST that carried that score (absolute ms; NaN = never posted); done: its 202 (NaN = not yet);
//   counted: 1 when the POST was in the measured window.
function postTable(buffers) {
  return {
    t0: new Float64Array(buffers.t0),
    done: new Float64Array(buffers.done),
    counted: new Uint8Array(buffers.counted),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Connections (in workers, or on the main thread with --workers 0).
class Receiver {
  constructor(table) {
    this.table = table;
    this.latency = new Series(1 << 16); // handler receipt - POST start
    this.arrival = new Series(1 << 16); // WebSocket frame reached JavaScript - POST start
    this.after202 = new Series(1 << 14); // handler receipt - POST 202, when the receipt came after the 202
    this.postT0 = new Series(1 << 16); // POST start of each delivery (for latency per second of the window)
    this.itemsPerBatch = new Series();
    this.batchGap = new Series();
    this.firstSeen = new Float64Array(roomCount * maxCount).fill(Infinity);
    this.lastSeen = new Float64Array(roomCount * maxCount).fill(-Infinity);
    this.seenBy = new Uint16Array(roomCount * maxCount);
    this.measuring = false;
    this.counters = { bytes: 0, batches: 0, sequenceGaps: 0, unmatched: 0, statusOnly: 0, otherItems: 0, deliveries: 0, coalesced: 0, closed: 0 };
    this.perConnectionP99 = [];
    this.snapshotMs = [];
    this.snapshotAlerts = 0;
    this.conns = [];
    this.stopping = false;
  }

  async open(count) {
    for (let i = 0; i < count; i += 10) {
      const batch = Array.from({ length: Math.min(10, count - i) }, () => new Conn(this));
      await Promise.all(batch.map(c => c.start()));
      this.conns.push(...batch);
    }
  }

  async close() {
    this.stopping = true;
    await Promise.all(this.conns.map(c => c.connection.stop().catch(() => {})));
    for (const c of this.conns) if (c.latency.n) this.perConnectionP99.push(c.latency.stats().p99);
  }

  result() {
    return {
      latency: this.latency.values(), arrival: this.arrival.values(), after202: this.after202.values(), postT0: this.postT0.values(),
      itemsPerBatch: this.itemsPerBatch.values(), batchGap: this.batchGap.values(),
      firstSeen: this.firstSeen, lastSeen: this.lastSeen, seenBy: this.seenBy,
      counters: this.counters, perConnectionP99: this.perConnectionP99, snapshotMs: this.snapshotMs, snapshotAlerts: this.snapshotAlerts,
    };
  }
}

const roomIndexOf = roomId => {
  // pb-<runId>-r0042 -> 42; anything else -> -1
  if (!roomId.startsWith(`pb-${runId}-r`)) return -1;
  const i = Number(roomId.slice(roomId.length - 4));
  return i >= 0 && i < roomCount ? i : -1;
};

class Conn {
  constructor(receiver) {
    this.r = receiver;
    this.lastSequence = null;
    this.lastBatchAt = NaN;
    this.seen = new Int32Array(roomCount); // highest evidenceCount seen per room
    this.latency = new Series();
    this.arrivedAt = NaN;
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(`${url}/hubs/live`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection.serverTimeoutInMilliseconds = 60_000;
    this.connection.on('batch', b => this.onBatch(b));
    // When the frame reached JavaScript, before the SignalR client parses it (HubConnection sets this callback on its
    // HttpConnection, which hands it to the transport at start).
    const http = this.connection.connection;
    const onreceive = http.onreceive;
    http.onreceive = data => {
      this.arrivedAt = now();
      if (this.r.measuring) this.r.counters.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
      onreceive(data);
    };
    this.connection.onclose(error => {
      if (!this.r.stopping) { this.r.counters.closed++; log('a connection closed:', error?.message ?? '(no error)'); }
    });
  }

  async start() {
    await this.connection.start();
    const t0 = now();
    const snapshot = await this.connection.invoke('Snapshot');
    this.r.snapshotMs.push(now() - t0);
    this.r.snapshotAlerts = snapshot.alerts?.length ?? 0;
    this.lastSequence = snapshot.sequence;
    for (const a of snapshot.alerts ?? []) {
      const room = roomIndexOf(a.roomId);
      if (room >= 0) this.seen[room] = Math.max(this.seen[room], a.evidenceCount);
    }
  }

  onBatch(b) {
    const t = now();
    const r = this.r;
    const { t0, done, counted } = r.table;
    r.counters.batches++;
    if (this.lastSequence !== null && b.after !== this.lastSequence) r.counters.sequenceGaps++;
    this.lastSequence = b.sequence;
    const items = b.items ?? [];
    let measured = false;
    for (const item of items) {
      const alert = item.alert;
      if (item.kind !== 'alert' || !alert) { r.counters.otherItems++; continue; }
      const room = roomIndexOf(alert.roomId);
      const count = alert.evidenceCount;
      if (room < 0 || count >= maxCount) { r.counters.unmatched++; continue; }
      const previous = this.seen[room];
      if (count <= previous) { r.counters.statusOnly++; continue; }
      this.seen[room] = count;
      const at = room * maxCount + count;
      if (Number.isNaN(t0[at])) { r.counters.unmatched++; continue; }
      if (!counted[at]) continue;
      measured = true;
      // The posted updates between the previous delivery and this one were coalesced into it.
      for (let c = previous + 1; c < count; c++) if (counted[room * maxCount + c]) r.counters.coalesced++;
      const ms = t - t0[at];
      r.counters.deliveries++;
      r.latency.push(ms);
      this.latency.push(ms);
      r.arrival.push(this.arrivedAt - t0[at]);
      r.postT0.push(t0[at]);
      if (t > done[at]) r.after202.push(t - done[at]);
      if (t < r.firstSeen[at]) r.firstSeen[at] = t;
      if (t > r.lastSeen[at]) r.lastSeen[at] = t;
      r.seenBy[at]++;
    }
    if (measured) {
      r.itemsPerBatch.push(items.length);
      if (!Number.isNaN(this.lastBatchAt)) r.batchGap.push(t - this.lastBatchAt);
    }
    this.lastBatchAt = t;
  }
}

// Worker thread: open its share of the connections, then wait to be told to finish.
if (!isMainThread) {
  const receiver = new Receiver(postTable(workerData.buffers));
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  parentPort.on('message', async message => {
    try {
      if (message.type === 'open') {
        await receiver.open(message.count);
        parentPort.postMessage({ type: 'opened' });
      } else if (message.type === 'measure') {
        loopDelay.enable();
        receiver.measuring = true;
      } else if (message.type === 'stop') {
        receiver.measuring = false;
      } else if (message.type === 'finish') {
        loopDelay.disable();
        await receiver.close();
        const result = receiver.result();
        result.loopDelay = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
        parentPort.postMessage({ type: 'result', result });
        parentPort.close();
      }
    } catch (error) {
      parentPort.postMessage({ type: 'error', message: error?.stack ?? String(error) });
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// /proc readers for the silo and the machine.
function procCpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks; // utime + stime (fields 14 and 15 of stat)
}
function procStatus(pid, field) {
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}
function machineCpu() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: line[3] + line[4], total: line.slice(0, 8).reduce((a, b) => a + b, 0) };
}

// ---------------------------------------------------------------------------------------------------------------
// Posting (main thread).
let table;
const rooms = Array.from({ length: roomCount }, (_, i) => ({
  index: i,
  id: `pb-${runId}-r${String(i).padStart(4, '0')}`,
  broadcasterId: `pb-${runId}-b${String(i).padStart(4, '0')}`,
  region: regions[i % regions.length],
  evidence: 0, // scores posted so far = the evidenceCount the alert carries after the last of them
  inFlight: false,
}));
const postRtt = new Series();
let postErrors = 0;
let measuring = false;
let maxBehind = 0; // most changes the poster was ever behind its schedule (every idle room in flight, or a stall)

function scoreEvent(room) {
  room.evidence++;
  if (room.evidence >= maxCount) throw new Error(`room ${room.id} got more than ${maxCount} scores; raise maxCount`);
  return JSON.stringify({
    id: `pb-${runId}-${room.index}-${room.evidence}`,
    type: 'moderation.score',
    ts: new Date().toISOString(),
    region: room.region,
    roomId: room.id,
    broadcasterId: room.broadcasterId,
    category,
    score,
    source: 'video',
    model: 'push-benchmark',
  });
}

async function post(batchRooms) {
  const body = batchRooms.map(scoreEvent).join('\n') + '\n';
  const record = measuring;
  const t0 = now();
  for (const r of batchRooms) {
    r.inFlight = true;
    const at = r.index * maxCount + r.evidence;
    table.t0[at] = t0;
    table.counted[at] = record ? 1 : 0;
  }
  try {
    const response = await fetch(`${url}/api/events`, {
      method: 'POST',
      headers: { 'X-Api-Key': apiKey, 'Content-Type': 'application/x-ndjson' },
      body,
    });
    const text = await response.text();
    const done = now();
    if (response.status !== 202) throw new Error(`POST /api/events answered ${response.status}: ${text.slice(0, 300)}`);
    const result = JSON.parse(text);
    if (result.accepted !== batchRooms.length) throw new Error(`POST /api/events accepted ${result.accepted} of ${batchRooms.length}: ${text.slice(0, 300)}`);
    for (const r of batchRooms) table.done[r.index * maxCount + r.evidence] = done;
    if (record) postRtt.push(done - t0);
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

async function drive(seconds) {
  const start = now();
  const end = start + seconds * 1000;
  let sent = 0;
  const pending = new Set();
  while (now() < end) {
    const due = Math.floor(((now() - start) / 1000) * rate);
    if (due > sent) {
      const batch = takeIdleRooms(due - sent);
      if (measuring) maxBehind = Math.max(maxBehind, due - sent - batch.length);
      if (batch.length) {
        sent += batch.length;
        const p = post(batch);
        pending.add(p);
        p.finally(() => pending.delete(p));
      }
    }
    const next = start + Math.ceil((now() - start + 0.001) / tickMs) * tickMs;
    await sleep(Math.max(0, next - now()));
  }
  await Promise.all(pending);
  return { sent, seconds: (now() - start) / 1000 };
}

async function waitForHealth() {
  const deadline = now() + 120_000;
  while (now() < deadline) {
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await sleep(250);
  }
  throw new Error(`${url}/health did not answer 200 within 120 s`);
}

async function openAlerts() {
  const r = await fetch(`${url}/api/alerts?status=open`, { headers: { Authorization: `Bearer ${token}` } });
  if (!r.ok) throw new Error(`GET /api/alerts answered ${r.status}`);
  const alerts = await r.json();
  const ours = new Set(rooms.map(room => room.id));
  return alerts.filter(a => ours.has(a.roomId)).length;
}

// Other work on a shared machine (builds, tests) skews the figures: wait up to --quiet-wait seconds (default 30)
// for a second in which other processes use less than --quiet-cores (default 0.3) cores, and say how it went.
async function waitForQuiet() {
  const limitS = num('quiet-wait', 30);
  const maxOther = num('quiet-cores', 0.3);
  const cores = cpus().length;
  const deadline = now() + limitS * 1000;
  let other = NaN;
  let waited = 0;
  while (true) {
    const m0 = machineCpu();
    const s0 = siloPid ? procCpuSeconds(siloPid) : 0;
    const n0 = process.cpuUsage();
    const t0 = now();
    await sleep(1000);
    const seconds = (now() - t0) / 1000;
    const m1 = machineCpu();
    const busy = (1 - (m1.idle - m0.idle) / (m1.total - m0.total)) * cores;
    const silo = siloPid ? (procCpuSeconds(siloPid) - s0) / seconds : 0;
    const n = process.cpuUsage(n0);
    other = Math.max(0, busy - silo - (n.user + n.system) / 1e6 / seconds);
    if (other <= maxOther || now() >= deadline) break;
    if (waited === 0) log(`other processes use ${other.toFixed(2)} cores; waiting up to ${limitS} s for a quieter machine`);
    waited++;
  }
  const note = `${waited ? `waited ${waited} s, ` : ''}other processes used ${other.toFixed(2)} cores, load average ${loadavg()[0].toFixed(1)}`;
  log(note);
  return { waitedSeconds: waited, otherCores: other, quiet: other <= maxOther, note };
}

// The connections: spread over worker threads, or on this thread with --workers 0.
async function openConnections(buffers) {
  if (workerCount <= 0) {
    const receiver = new Receiver(table);
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    await receiver.open(connectionCount);
    return {
      measure: () => { loopDelay.enable(); receiver.measuring = true; },
      stop: () => { receiver.measuring = false; },
      finish: async () => {
        loopDelay.disable();
        await receiver.close();
        return [{ ...receiver.result(), loopDelay: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 } }];
      },
    };
  }
  const workers = [];
  for (let w = 0; w < Math.min(workerCount, connectionCount); w++) {
    const count = Math.floor(connectionCount / workerCount) + (w < connectionCount % workerCount ? 1 : 0);
    const worker = new Worker(new URL(import.meta.url), { workerData: { args, runId, buffers } });
    const messages = [];
    let wake = null;
    worker.on('message', m => { messages.push(m); wake?.(); });
    worker.on('error', e => { messages.push({ type: 'error', message: e.stack }); wake?.(); });
    const next = async () => {
      while (!messages.length) await new Promise(resolve => { wake = resolve; });
      const m = messages.shift();
      if (m.type === 'error') throw new Error(`worker: ${m.message}`);
      return m;
    };
    workers.push({ worker, next, count });
  }
  await Promise.all(workers.map(async w => { w.worker.postMessage({ type: 'open', count: w.count }); await w.next(); }));
  return {
    measure: () => workers.forEach(w => w.worker.postMessage({ type: 'measure' })),
    stop: () => workers.forEach(w => w.worker.postMessage({ type: 'stop' })),
    finish: () => Promise.all(workers.map(async w => {
      w.worker.postMessage({ type: 'finish' });
      const m = await w.next();
      return m.result;
    })),
  };
}

async function main() {
  const size = roomCount * maxCount;
  const buffers = {
    t0: new SharedArrayBuffer(size * 8),
    done: new SharedArrayBuffer(size * 8),
    counted: new SharedArrayBuffer(size),
  };
  table = postTable(buffers);
  table.t0.fill(NaN);
  table.done.fill(NaN);

  await waitForHealth();
  log(`silo healthy at ${url}; ${roomCount} rooms, ${connectionCount} connections on ${workerCount || 'no'} worker threads, ${rate} changes/s, ${warmupS} s warm-up + ${durationS} s window`);

  // 1. Raise one alert per room: two scores each (the category needs 2 pieces of evidence), one room per line.
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < rooms.length; i += 100) await post(rooms.slice(i, i + 100));
  }
  if (postErrors) throw new Error('raising the alerts failed');
  const raised = await openAlerts();
  log(`${raised} of ${roomCount} alerts open`);
  if (raised !== roomCount) throw new Error(`expected ${roomCount} open alerts, found ${raised}`);

  // 2. Connect, ten at a time per thread, and take a snapshot on each.
  const connectStart = now();
  const receivers = await openConnections(buffers);
  const connectSeconds = (now() - connectStart) / 1000;
  log(`${connectionCount} connections with snapshots in ${connectSeconds.toFixed(1)} s`);

  // 3. Warm-up (JIT, pools, GC sizing), a quiet machine if it comes, a short re-warm, then the measured window.
  await drive(warmupS);
  const quiet = await waitForQuiet();
  await drive(1);
  await sleep(300);
  receivers.measure();
  const cpuStartSilo = siloPid ? procCpuSeconds(siloPid) : NaN;
  const cpuStartNode = process.cpuUsage();
  const machineStart = machineCpu();
  const rssSamples = new Series();
  const siloCpuPerSecond = [];
  let lastCpu = cpuStartSilo;
  const sampler = setInterval(() => {
    if (!siloPid) return;
    rssSamples.push(procStatus(siloPid, 'VmRSS') / 1024);
    const cpu = procCpuSeconds(siloPid);
    siloCpuPerSecond.push(cpu - lastCpu);
    lastCpu = cpu;
  }, 1000);
  const windowStart = now();
  measuring = true;
  const run = await drive(durationS);
  measuring = false;
  receivers.stop();
  const wallSeconds = (now() - windowStart) / 1000;
  const cpuEndSilo = siloPid ? procCpuSeconds(siloPid) : NaN;
  const cpuNode = process.cpuUsage(cpuStartNode);
  const machineEnd = machineCpu();
  clearInterval(sampler);
  await sleep(drainMs); // late deliveries of the last posts still count
  const siloRssEnd = siloPid ? procStatus(siloPid, 'VmRSS') / 1024 : NaN;
  const siloThreads = siloPid ? procStatus(siloPid, 'Threads') : NaN;
  const parts = await receivers.finish();

  // 4. Figures.
  const latency = Series.of(parts.map(p => p.latency));
  const postT0 = Series.of(parts.map(p => p.postT0));
  const counters = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.counters)) counters[k] = (counters[k] ?? 0) + v;
  let measuredChanges = 0;
  const fanout = new Series();
  for (let at = 0; at < size; at++) {
    if (!table.counted[at]) continue;
    measuredChanges++;
    let first = Infinity;
    let last = -Infinity;
    let seenBy = 0;
    for (const p of parts) {
      first = Math.min(first, p.firstSeen[at]);
      last = Math.max(last, p.lastSeen[at]);
      seenBy += p.seenBy[at];
    }
    if (seenBy > 1) fanout.push(last - first);
  }
  const expectedDeliveries = measuredChanges * connectionCount;
  const perSecond = new Map();
  for (let i = 0; i < latency.n; i++) {
    const second = Math.floor((postT0.a[i] - windowStart) / 1000);
    if (!perSecond.has(second)) perSecond.set(second, new Series());
    perSecond.get(second).push(latency.a[i]);
  }
  const lat = latency.stats();
  const rtt = postRtt.stats();
  const cores = cpus().length;
  const siloCores = (cpuEndSilo - cpuStartSilo) / wallSeconds;
  const nodeCores = (cpuNode.user + cpuNode.system) / 1e6 / wallSeconds;
  const machineBusy = 1 - (machineEnd.idle - machineStart.idle) / (machineEnd.total - machineStart.total);
  const otherCores = Math.max(0, machineBusy * cores - siloCores - nodeCores);

  const result = {
    measuredAt: new Date().toISOString(),
    setup: { batchIntervalMs: num('batch-interval-ms', 50), connections: connectionCount, workers: workerCount, rooms: roomCount, rate, durationS, warmupS, tickMs, category, node: process.version, cores },
    quiet,
    connect: { seconds: connectSeconds, snapshotAlerts: parts[0]?.snapshotAlerts ?? 0, snapshotMs: Series.of(parts.map(p => Float64Array.from(p.snapshotMs))).stats() },
    posted: { changes: measuredChanges, perSecond: measuredChanges / run.seconds, posts: postRtt.n, errors: postErrors, maxBehind },
    push: { ...lat, deliveries: counters.deliveries, deliveriesPerSecond: counters.deliveries / run.seconds, mibPerSecond: counters.bytes / wallSeconds / 1048576, bytesPerDelivery: counters.bytes / counters.deliveries },
    pushAfter202: Series.of(parts.map(p => p.after202)).stats(),
    frameArrival: Series.of(parts.map(p => p.arrival)).stats(),
    coalesced: { count: counters.coalesced, share: counters.coalesced / expectedDeliveries },
    notDelivered: expectedDeliveries - counters.deliveries - counters.coalesced,
    counters,
    batches: { itemsPerBatch: Series.of(parts.map(p => p.itemsPerBatch)).stats(), gapMs: Series.of(parts.map(p => p.batchGap)).stats() },
    perConnectionP99: Series.of(parts.map(p => Float64Array.from(p.perConnectionP99))).stats(),
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
      machineBusy,
      loadAverageAfter: loadavg()[0],
      nodeRssMiB: process.memoryUsage().rss / 1048576,
      receiverEventLoopDelayMs: { p99: Math.max(...parts.map(p => p.loopDelay.p99)), max: Math.max(...parts.map(p => p.loopDelay.max)) },
    },
    perSecond: [...perSecond.entries()].filter(([s]) => s >= 0 && s < Math.ceil(durationS)).sort((a, b) => a[0] - b[0])
      .map(([second, series]) => { const s = series.stats(); return { second, count: s.count, p50: s.p50, p99: s.p99, max: s.max }; }),
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
  lines.push(`| Bytes pushed (JSON frames, all connections) | ${f(p.mibPerSecond, 1)} | MiB/s | - | - | - | - |`);
  lines.push(`| Alert changes posted | ${f(r.posted.perSecond, 0)} | /s | - | - | 1,000 | ${r.posted.perSecond >= 990 ? 'yes' : 'no'} |`);
  lines.push(`| Posted changes coalesced by the hub (per connection) | ${f(r.coalesced.share * 100, 2)} | % | - | - | - | - |`);
  lines.push(`| Silo CPU | ${f(r.cpu.siloCores, 2)} | cores | - | - | - | - |`);
  lines.push(`| Silo RSS (max) | ${f(r.cpu.siloRssMiBMax, 0)} | MiB | - | - | - | - |`);
  lines.push('');
  if (!r.quiet.quiet || r.cpu.otherCores > 0.3) {
    lines.push(`**Other processes used ${f(r.cpu.otherCores, 2)} of the ${r.setup.cores} cores during the window (${f(r.quiet.otherCores, 2)} just before it): these figures include that contention.**`);
    lines.push('');
  }
  lines.push(`Set-up: ${r.setup.connections} connections (WebSockets, JSON protocol) to \`/hubs/live\` on ${r.setup.workers || 'no'} worker threads of one Node process, each with a Snapshot() of ${r.connect.snapshotAlerts} open alerts ` +
    `(p50 ${f(r.connect.snapshotMs.p50)} ms); ${r.setup.rate.toLocaleString('en-US')} alert changes/s (\`moderation.score\` on ${r.setup.rooms} alerted rooms, NDJSON every ${r.setup.tickMs} ms) ` +
    `for ${r.setup.durationS} s after a ${r.setup.warmupS} s warm-up; Node ${r.setup.node}, ${r.setup.cores} cores shared by the silo and the client.`);
  lines.push('');
  lines.push(`Details: ${f(p.count, 0)} deliveries measured (${f(p.bytesPerDelivery, 0)} bytes of frame each), p90 ${f(p.p90)} ms, p99.9 ${f(p.p999)} ms; ` +
    `worst connection's p99 ${f(r.perConnectionP99.max)} ms (best ${f(r.perConnectionP99.min)} ms); ` +
    `fan-out spread (first to last connection receiving one change) p50 ${f(r.fanoutSpreadMs.p50)} ms, p99 ${f(r.fanoutSpreadMs.p99)} ms; ` +
    `WebSocket frame reached JavaScript (before SignalR parsing) p50 ${f(r.frameArrival.p50)} ms, p99 ${f(r.frameArrival.p99)} ms; ` +
    `receipt after the POST's 202: p50 ${f(r.pushAfter202.p50)} ms, p99 ${f(r.pushAfter202.p99)} ms. ` +
    `Batches: ${f(r.batches.itemsPerBatch.p50, 0)} items (p50), ${f(r.batches.gapMs.p50)} ms apart (p50; shortest ${f(r.batches.gapMs.min)} ms). ` +
    `Coalesced ${r.coalesced.count.toLocaleString('en-US')} of ${(r.posted.changes * r.setup.connections).toLocaleString('en-US')} posted changes x connections; ` +
    `never delivered ${r.notDelivered.toLocaleString('en-US')}; sequence gaps ${r.counters.sequenceGaps}; connections closed ${r.counters.closed}; ` +
    `POST errors ${r.posted.errors}; poster at most ${r.posted.maxBehind} changes behind schedule.`);
  lines.push('');
  const interval = r.setup.batchIntervalMs;
  lines.push(`What batching costs by itself: with changes arriving all the time, every connection gets a batch every ${f(interval, 0)} ms (the hub's interval; measured p50 gap between handled batches ${f(r.batches.gapMs.p50)} ms), ` +
    `so a change waits for the next one uniformly over 0-${f(interval, 0)} ms: p50 ${f(interval / 2)} ms, p99 ${f(interval * 0.99)} ms before anything else. ` +
    `So at this load p99 cannot be under ${f(interval * 0.99)} ms plus the ingest itself (POST p50 ${f(b.p50)} ms), about ${f(interval * 0.99 + b.p50, 0)} ms. ` +
    `Measured p50 minus the median hold: ${f(p.p50 - interval / 2)} ms for ingest, fan-out, serialisation, transport and the client.`);
  lines.push('');
  lines.push(`CPU over the window: silo ${f(r.cpu.siloCores, 2)} cores, Node client ${f(r.cpu.nodeCores, 2)} cores, other processes ${f(r.cpu.otherCores, 2)} cores ` +
    `(machine ${f(r.cpu.machineBusy * 100, 0)}% busy; before the window: ${r.quiet.note}); ` +
    `silo RSS ${f(r.cpu.siloRssMiBEnd, 0)} MiB at the end, ${r.cpu.siloThreads} threads; receiving threads' event-loop delay p99 ${f(r.cpu.receiverEventLoopDelayMs.p99)} ms, max ${f(r.cpu.receiverEventLoopDelayMs.max)} ms. ` +
    `Silo CPU per second: ${r.cpu.siloCpuPerSecond.join(' ')}.`);
  lines.push('');
  lines.push(`Push latency per second of the window (p50 / p99 / max ms): ` +
    r.perSecond.map(s => `${s.second}: ${f(s.p50, 0)}/${f(s.p99, 0)}/${f(s.max, 0)}`).join(', ') + '.');
  lines.push('');
  return lines.join('\n');
}

if (isMainThread) {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
