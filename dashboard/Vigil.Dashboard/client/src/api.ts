// REST calls of dashboard/SPEC.md. State-changing requests carry Content-Type: application/json and
// X-Vigil-Request: 1, which the identity layer requires of cookie callers (a CSRF guard a form post cannot forge).
import type {
  AdminUser, AlertAction, AlertSnapshot, AuditEntry, BroadcasterSnapshot, HeatEntry, IncidentSnapshot, Language, Me,
  RoomHistory, RoomSnapshot, Severity, VipHistory, VipProfile,
} from './types';

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly retryAfter?: number) {
    super(message);
  }
}

let onUnauthorized: () => void = () => {};
/** Called when any call (other than sign-in) answers 401: the cookie expired, so show the sign-in page. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

async function request<T>(method: string, url: string, body?: unknown, signInCall = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['X-Vigil-Request'] = '1';
  }
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  if (response.status === 401 && !signInCall) onUnauthorized();
  if (!response.ok) {
    let message = response.statusText;
    try {
      const problem = await response.json() as { error?: string; detail?: string; title?: string };
      message = problem.error ?? problem.detail ?? problem.title ?? message;
    } catch {
      // Not JSON (e.g. an empty 403): the status text says enough.
    }
    const retry = Number(response.headers.get('Retry-After'));
    throw new ApiError(response.status, message, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const enc = encodeURIComponent;

export const api = {
  me: () => request<Me>('GET', '/auth/me'),
  signIn: (userName: string, password: string) => request<Me>('POST', '/auth/sign-in', { userName, password }, true),
  signOut: () => request<void>('POST', '/auth/sign-out'),
  setLanguage: (language: Language) => request<Me>('PUT', '/auth/me/language', { language }),

  alertAudit: (id: string) => request<AuditEntry[]>('GET', `/api/alerts/${enc(id)}/audit`),
  actOnAlert: (id: string, action: AlertAction, note: string, assignee?: string) =>
    request<AlertSnapshot>('POST', `/api/alerts/${enc(id)}/${action}`, { note, assignee }),
  alerts: (query: { status?: string; region?: string; category?: string } = {}) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]);
    return request<AlertSnapshot[]>('GET', `/api/alerts?${params}`);
  },
  room: (id: string) => request<RoomSnapshot>('GET', `/api/rooms/${enc(id)}`),
  roomHistory: (id: string) => request<RoomHistory>('GET', `/api/rooms/${enc(id)}/history`),
  broadcaster: (id: string) => request<BroadcasterSnapshot>('GET', `/api/broadcasters/${enc(id)}`),
  heat: (region?: string, top = 50) => request<HeatEntry[]>('GET', `/api/heat?${region ? `region=${enc(region)}&` : ''}top=${top}`),
  vip: (id: string) => request<VipProfile>('GET', `/api/vips/${enc(id)}`),
  vipHistory: (id: string) => request<VipHistory>('GET', `/api/vips/${enc(id)}/history`),
  portfolio: (advisorId: string) => request<VipProfile[]>('GET', `/api/advisors/${enc(advisorId)}/portfolio`),
  incidents: (includeResolved: boolean) => request<IncidentSnapshot[]>('GET', `/api/incidents?includeResolved=${includeResolved}`),
  incident: (id: string) => request<IncidentSnapshot>('GET', `/api/incidents/${enc(id)}`),
  declareIncident: (title: string, severity: Severity, commander: string, alertIds: string[]) =>
    request<IncidentSnapshot>('POST', '/api/incidents', { title, severity, commander, alertIds }),

  users: () => request<AdminUser[]>('GET', '/api/admin/users'),
  saveUser: (user: AdminUser & { password?: string }) => request<AdminUser>('PUT', `/api/admin/users/${enc(user.userName)}`, user),
  deleteUser: (userName: string) => request<void>('DELETE', `/api/admin/users/${enc(userName)}`),
};
