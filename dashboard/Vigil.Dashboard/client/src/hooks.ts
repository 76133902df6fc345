import { useEffect, useState } from 'preact/hooks';
import { live } from './live';

/** Re-renders the component whenever the live store changes (at most once per frame). */
export function useLive(): number {
  const [revision, setRevision] = useState(live.revision);
  useEffect(() => live.subscribe(() => setRevision(live.revision)), []);
  return revision;
}

/** The current time, refreshed every `ms` milliseconds (for "time since" and SLA countdowns). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

export interface Loaded<T> { data: T | null; error: string | null; loading: boolean; reload: () => void }

/** Loads `load()` when `key` changes; keeps the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setState(s => ({ ...s, loading: true, error: null }));
    load().then(
      data => { if (!cancelled) setState({ data, error: null, loading: false }); },
      (e: unknown) => { if (!cancelled) setState(s => ({ data: s.data, error: e instanceof Error ? e.message : String(e), loading: false })); });
    return () => { cancelled = true; };
  }, [key, tick]);
  return { ...state, reload: () => setTick(t => t + 1) };
}
