// The live store: one SignalR connection to /hubs/live, a snapshot on start, batches after it, and a resync
// (Resume) after a reconnect or whenever a batch's `after` is not the last sequence this client holds.
import {
  HttpTransportType, HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel,
} from '@microsoft/signalr';
import type {
  AlertAction, AlertSnapshot, HeatEntry, IncidentSnapshot, IncidentStatus, LiveBatch, LiveItem, LiveResume, LiveSnapshot,
  Nudge, NudgeAction, Severity, AdvisorNote,
} from './types';

export type ConnectionState = 'connected' | 'reconnecting' | 'disconnected';

type Listener = () => void;

export class LiveStore {
  readonly alerts = new Map<string, AlertSnapshot>();
  readonly heat = new Map<string, HeatEntry[]>();
  readonly nudges = new Map<string, Nudge>();
  readonly incidents = new Map<string, IncidentSnapshot>();
  state: ConnectionState = 'disconnected';
  /** False until the first snapshot arrived: before that the page is connecting, not "lost". */
  everConnected = false;
  /** Bumped on every change, so views can memoise on it. */
  revision = 0;
  /** The sequence of the last snapshot, resume or batch applied; null until the first snapshot. */
  lastSequence: number | null = null;

  /** Alert ids resolved while connected, with the version that resolved them, so a late older update cannot revive one. */
  private readonly resolved = new Map<string, number>();
  private readonly listeners = new Set<Listener>();
  private readonly p1Listeners = new Set<(alert: AlertSnapshot) => void>();
  private connection: HubConnection | null = null;
  private syncing = false;
  /** A resync was asked for while one was running (e.g. a reconnect during a Resume): run another when it ends. */
  private resyncAgain = false;
  private pending: LiveBatch[] = [];
  private restartTimer: number | undefined;
  private stopped = false;
  private notifyScheduled = false;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onNewP1(listener: (alert: AlertSnapshot) => void): () => void {
    this.p1Listeners.add(listener);
    return () => this.p1Listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.stopped = false;
    const connection = new HubConnectionBuilder()
      .withUrl('/hubs/live', { transport: HttpTransportType.WebSockets | HttpTransportType.LongPolling })
      // Keep trying for as long as the page is open: 0.5 s, 1 s, 2 s ... capped at 10 s.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: c => Math.min(10_000, 500 * 2 ** Math.min(c.previousRetryCount, 5)) })
      .configureLogging(LogLevel.Warning)
      .build();
    connection.on('batch', (batch: LiveBatch) => this.receive(batch));
    connection.onreconnecting(() => this.setState('reconnecting'));
    connection.onreconnected(() => void this.resync());
    connection.onclose(() => {
      this.setState('disconnected');
      this.scheduleRestart();
    });
    this.connection = connection;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    window.clearTimeout(this.restartTimer);
    const connection = this.connection;
    this.connection = null;
    await connection?.stop();
    this.alerts.clear();
    this.heat.clear();
    this.nudges.clear();
    this.incidents.clear();
    this.lastSequence = null;
    this.everConnected = false;
    this.setState('disconnected');
  }

  private async connect(): Promise<void> {
    const connection = this.connection;
    if (!connection || this.stopped) return;
    try {
      this.setState('reconnecting');
      await connection.start();
      await this.resync();
    } catch {
      this.setState('disconnected');
      this.scheduleRestart();
    }
  }

  private scheduleRestart(): void {
    if (this.stopped) return;
    window.clearTimeout(this.restartTimer);
    this.restartTimer = window.setTimeout(() => {
      if (this.connection?.state === HubConnectionState.Disconnected) void this.connect();
    }, 3_000);
  }

  /** Snapshot on first start, Resume(lastSequence) afterwards; batches arriving meanwhile wait in `pending`. */
  private async resync(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    if (this.syncing) {
      this.resyncAgain = true;
      return;
    }
    this.syncing = true;
    this.resyncAgain = false;
    try {
      if (this.lastSequence === null) {
        this.applySnapshot(await connection.invoke<LiveSnapshot>('Snapshot'));
      } else {
        const resume = await connection.invoke<LiveResume>('Resume', this.lastSequence);
        if (resume.snapshot) this.applySnapshot(resume.snapshot);
        else for (const item of resume.items ?? []) this.applyItem(item);
        this.lastSequence = Math.max(this.lastSequence ?? 0, resume.sequence);
      }
      this.syncing = false;
      this.everConnected = true;
      this.setState('connected');
      const pending = this.pending;
      this.pending = [];
      for (const batch of pending) this.receive(batch);
      this.changed();
    } catch {
      this.syncing = false;
      // The connection dropped mid-resync: automatic reconnect (or the restart timer) calls resync again; if it is
      // still up, the call itself failed, so try again shortly.
      if (connection.state === HubConnectionState.Connected) {
        window.setTimeout(() => void this.resync(), 1_000);
      }
    }
    if (this.resyncAgain && connection.state === HubConnectionState.Connected) void this.resync();
  }

  private receive(batch: LiveBatch): void {
    if (this.syncing || this.lastSequence === null) {
      this.pending.push(batch);
      return;
    }
    if (batch.sequence <= this.lastSequence) return; // already covered by a snapshot or resume
    if (batch.after !== this.lastSequence) {
      // Missed at least one batch: ask for everything after what we hold, and drop this one (Resume covers it).
      void this.resync();
      return;
    }
    for (const item of batch.items) this.applyItem(item);
    this.lastSequence = batch.sequence;
    this.changed();
  }

  private applySnapshot(snapshot: LiveSnapshot): void {
    const before = new Set(this.alerts.keys());
    const first = this.lastSequence === null;
    this.alerts.clear();
    this.heat.clear();
    this.nudges.clear();
    this.incidents.clear();
    this.resolved.clear();
    for (const alert of snapshot.alerts) {
      if (alert.status === 'resolved') continue;
      this.alerts.set(alert.id, alert);
      if (!first && !before.has(alert.id) && alert.severity === 'P1') this.announce(alert);
    }
    for (const list of snapshot.heat) this.heat.set(list.listId, list.top);
    for (const nudge of snapshot.nudges) this.nudges.set(nudge.id, nudge);
    for (const incident of snapshot.incidents) this.incidents.set(incident.id, incident);
    this.lastSequence = snapshot.sequence;
    this.changed();
  }

  private applyItem(item: LiveItem): void {
    switch (item.kind) {
      case 'alert': if (item.alert) this.upsertAlert(item.alert, true); break;
      case 'heat': if (item.heat) this.heat.set(item.heat.listId, item.heat.top); break;
      case 'nudge': if (item.nudge) this.upsertNudge(item.nudge); break;
      case 'incident': if (item.incident) this.upsertIncident(item.incident); break;
    }
  }

  /** Upserts by id when newer than what the store holds; a resolved alert leaves the wall. */
  upsertAlert(alert: AlertSnapshot, live = false): void {
    const held = this.alerts.get(alert.id);
    const resolvedAt = this.resolved.get(alert.id);
    if (stale(held?.version, alert.version) || stale(resolvedAt, alert.version)) return;
    if (alert.status === 'resolved') {
      this.alerts.delete(alert.id);
      this.resolved.set(alert.id, alert.version);
    } else {
      this.alerts.set(alert.id, alert);
      if (live && !held && alert.severity === 'P1') this.announce(alert);
      // An upgrade to P1 also deserves attention.
      if (live && held && held.severity !== 'P1' && alert.severity === 'P1') this.announce(alert);
    }
    this.changed();
  }

  upsertNudge(nudge: Nudge): void {
    if (stale(this.nudges.get(nudge.id)?.version, nudge.version)) return;
    this.nudges.set(nudge.id, nudge);
    this.changed();
  }

  upsertIncident(incident: IncidentSnapshot): void {
    if (stale(this.incidents.get(incident.id)?.version, incident.version)) return;
    this.incidents.set(incident.id, incident);
    this.changed();
  }

  // Hub calls: the result is applied at once (version-checked), so the acting browser need not wait for the batch.

  async actOnAlert(alertId: string, action: AlertAction, note: string, assignee: string | null): Promise<AlertSnapshot> {
    const alert = await this.hub().invoke<AlertSnapshot>('ActOnAlert', alertId, action, note, assignee);
    this.upsertAlert(alert);
    return alert;
  }

  async actOnNudge(nudge: Nudge, action: NudgeAction, snoozeUntil: string | null): Promise<Nudge> {
    const updated = await this.hub().invoke<Nudge>('ActOnNudge', nudge.id, nudge.advisorId, action, snoozeUntil);
    this.upsertNudge(updated);
    return updated;
  }

  async addNudgeNote(nudge: Nudge, text: string, dueAt: string | null): Promise<AdvisorNote> {
    return this.hub().invoke<AdvisorNote>('AddNudgeNote', nudge.id, nudge.advisorId, text, dueAt);
  }

  async declareIncident(title: string, severity: Severity, commander: string, alertIds: string[]): Promise<IncidentSnapshot> {
    const incident = await this.hub().invoke<IncidentSnapshot>('DeclareIncident', { title, severity, commander, alertIds });
    this.upsertIncident(incident);
    return incident;
  }

  async setIncidentStatus(incidentId: string, status: IncidentStatus, note: string): Promise<void> {
    const result = await this.hub().invoke<IncidentSnapshot | null>('SetIncidentStatus', incidentId, status, note);
    if (result && typeof result === 'object' && 'id' in result) this.upsertIncident(result);
  }

  async addIncidentNote(incidentId: string, text: string): Promise<void> {
    const result = await this.hub().invoke<IncidentSnapshot | null>('AddIncidentNote', incidentId, text);
    if (result && typeof result === 'object' && 'id' in result) this.upsertIncident(result);
  }

  private hub(): HubConnection {
    if (!this.connection || this.connection.state !== HubConnectionState.Connected) throw new Error('disconnected');
    return this.connection;
  }

  private announce(alert: AlertSnapshot): void {
    for (const listener of this.p1Listeners) listener(alert);
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.changed();
  }

  /** Coalesces notifications to one per animation frame: a burst of batches re-renders once. */
  private changed(): void {
    this.revision++;
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    const flush = () => {
      this.notifyScheduled = false;
      for (const listener of this.listeners) listener();
    };
    if (document.visibilityState === 'visible') requestAnimationFrame(flush);
    else window.setTimeout(flush, 250);
  }
}

/** An update is stale when it is not newer than what is held; an item without a version (0) cannot be ordered, so it wins. */
function stale(held: number | undefined, incoming: number): boolean {
  return held !== undefined && incoming > 0 && held >= incoming;
}

export const live = new LiveStore();
