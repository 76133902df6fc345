// The JSON shapes of dashboard/SPEC.md (camelCase; enums by their contract names: "P1", "MENA", "minor_safety", "open").

export type Severity = 'P1' | 'P2' | 'P3' | 'P4';
export type Region = 'MENA' | 'NA' | 'LATAM' | 'EU' | 'SEA' | 'SA' | 'OTHER';
export type Category =
  | 'nudity' | 'sexual' | 'violence' | 'self_harm' | 'minor_safety' | 'hate' | 'harassment'
  | 'gambling' | 'drugs' | 'weapons' | 'fraud' | 'spam' | 'copyright' | 'other';
export type AlertStatus = 'open' | 'acknowledged' | 'escalated' | 'resolved';
export type AlertAction = 'acknowledge' | 'assign' | 'escalate' | 'resolve';
export type NudgeStatus = 'open' | 'acknowledged' | 'contacted' | 'resolved' | 'snoozed';
export type NudgeAction = 'acknowledge' | 'contacted' | 'resolve' | 'snooze';
export type IncidentStatus = 'declared' | 'mitigating' | 'resolved';
export type Role = 'operator' | 'advisor' | 'commander' | 'qa' | 'admin';
export type Language = 'en' | 'ar' | 'es';

export const SEVERITIES: Severity[] = ['P1', 'P2', 'P3', 'P4'];
export const REGIONS: Region[] = ['MENA', 'NA', 'LATAM', 'EU', 'SEA', 'SA', 'OTHER'];
export const CATEGORIES: Category[] = [
  'nudity', 'sexual', 'violence', 'self_harm', 'minor_safety', 'hate', 'harassment',
  'gambling', 'drugs', 'weapons', 'fraud', 'spam', 'copyright', 'other'];
export const ROLES: Role[] = ['operator', 'advisor', 'commander', 'qa', 'admin'];
export const LANGUAGES: Language[] = ['en', 'ar', 'es'];

export interface Me {
  userName: string;
  displayName: string;
  roles: Role[];
  regions: Region[];
  advisorId: string | null;
  language: Language;
}

/** A server reason as a translation code (`reason.<code>`) and its invariantly formatted arguments. */
export interface ReasonDetail { code: string; args: Record<string, string> }

export interface AlertSnapshot {
  id: string;
  roomId: string;
  broadcasterId: string;
  region: Region;
  category: Category;
  severity: Severity;
  status: AlertStatus;
  raisedAt: string;
  updatedAt: string;
  reasons: string[];
  /** The reasons as codes and arguments, in the same order; absent from older servers and stored alerts. */
  reasonDetails?: ReasonDetail[];
  evidenceCount: number;
  peakScore: number;
  version: number;
  assignedTo?: string | null;
  viewers?: number;
  title?: string | null;
  trend?: number[];
  /** Optional: when the alert's SLA ends, if the server states it; else the severity's default applies. */
  slaDueAt?: string | null;
}

export interface AuditEntry { at: string; actor: string; action: string; note?: string | null }

export interface HeatEntry { roomId: string; heat: number; viewers: number; risk: number; flagged: boolean; title?: string | null }
export interface HeatList { listId: string; top: HeatEntry[] }

export interface RoomRisk {
  category: Category; risk: number; state: string; peakScore: number; evidenceCount: number;
  openAlertId?: string | null; reasons: string[]; reasonDetails?: ReasonDetail[];
}
export interface RoomSnapshot {
  roomId: string; broadcasterId?: string | null; region: Region; title?: string | null; lang?: string | null;
  live: boolean; startedAt?: string | null; endedAt?: string | null; viewers: number; peakViewers: number;
  chatPerMinute: number; giftValuePerMinute: number; heat: number; state: string; risks: RoomRisk[]; openAlertIds: string[];
}
export interface RoomHistoryPoint { at: string; viewers: number; giftValue: number; chatLines: number; risks: Partial<Record<Category, number>> }
export interface RoomHistory { roomId: string; points: RoomHistoryPoint[] }

export interface EnforcementRecord {
  decisionId: string; moderatorId: string; action: string; category: Category; stage: string; roomId?: string | null; at: string;
}
export interface BroadcasterSnapshot {
  broadcasterId: string; strikes: number; recentEnforcements: number; repeatOffender: boolean;
  suggestedStep: string; suggestionReason: string; history: EnforcementRecord[]; openAlertIds: string[]; sessions?: number;
}

export interface VipEngagement {
  spend30Days: number; gifts30Days: number; sessions30Days: number; minutes30Days: number;
  daysSinceLastSession?: number | null; daysSinceLastGift?: number | null; openComplaints: number;
  oldestOpenComplaintDays?: number | null; lastSurveyScore?: number | null;
}
export interface VipProfile {
  userId: string; tier: string; spendTier: string; advisorId?: string | null; region?: Region | null; churnRisk: number;
  reasons: string[]; reasonDetails?: ReasonDetail[]; engagement: VipEngagement; lastNudgeId?: string | null; lastNudgeStatus?: NudgeStatus | null;
  wonBackAt?: string | null; assessedAt: string;
}
export interface VipHistoryDay { day: string; spend: number; gifts: number; sessions: number; minutes: number }
export interface VipHistory { userId: string; days: VipHistoryDay[]; baseline: { spendPerDay: number; sessionsPerDay: number } }

export interface AdvisorNote { id: string; userId: string; nudgeId?: string | null; text: string; createdAt: string; dueAt?: string | null }
export interface Nudge {
  id: string; userId: string; advisorId: string; risk: number; reasons: string[]; reasonDetails?: ReasonDetail[]; status: NudgeStatus;
  snoozedUntil?: string | null; createdAt: string; updatedAt: string; dueAt: string; notes: AdvisorNote[];
  contactedAt?: string | null; wonBackAt?: string | null; version: number;
}

export interface IncidentTimelineEntry { at: string; actor: string; what: string; note?: string | null }
export interface IncidentSnapshot {
  id: string; title: string; severity: Severity; status: IncidentStatus; commander: string; declaredBy: string;
  declaredAt: string; updatedAt: string; resolvedAt?: string | null; alertIds: string[]; roomIds: string[];
  broadcasterIds: string[]; regions: Region[]; timeline: IncidentTimelineEntry[]; version: number;
}

export interface LiveSnapshot {
  sequence: number; alerts: AlertSnapshot[]; heat: HeatList[]; nudges: Nudge[]; incidents: IncidentSnapshot[];
}
export interface LiveItem {
  seq: number; kind: 'alert' | 'heat' | 'nudge' | 'incident'; change?: string;
  alert?: AlertSnapshot; heat?: HeatList; nudge?: Nudge; incident?: IncidentSnapshot;
}
export interface LiveBatch { after: number; sequence: number; items: LiveItem[] }
export interface LiveResume { sequence: number; items: LiveItem[] | null; snapshot: LiveSnapshot | null }

export interface AdminUser {
  userName: string; displayName: string; roles: Role[]; regions: Region[]; advisorId?: string | null; language: Language;
}
