// Translations and Intl formatting in the signed-in user's language. The tables are bundled (a few kB each), so a
// language switch needs no fetch.
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import es from './i18n/es.json';
import type { Language, ReasonDetail } from './types';

export type MessageKey = keyof typeof en;
const tables: Record<Language, Record<string, string>> = { en, ar, es };

let current: Language = 'en';

export function language(): Language {
  return current;
}

/** Sets the UI language and mirrors the whole page for Arabic (`<html lang dir>`). */
export function setLanguage(lang: Language): void {
  current = tables[lang] ? lang : 'en';
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'ar' ? 'rtl' : 'ltr';
  document.title = t('app.name');
  formatters.clear();
}

/** The message for `key` in the current language, with `{name}` holes filled (values are text, never HTML). */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const message = tables[current][key] ?? tables.en[key] ?? key;
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    return value === undefined ? `{${name}}` : typeof value === 'number' ? num(value) : value;
  });
}

/** Looks up a dynamic key (enum value) and falls back to the raw value when the table has no entry. */
export function tk(prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return tables[current][key] ?? tables.en[key] ?? value;
}

/**
 * The server's reasons in the current language: each detail's `reason.<code>` message with its arguments formatted
 * here (numbers with the server's decimals, `percent` as a percentage, `category` by its translation, `{duration}`
 * from `days` or `hours`). A reason falls back to the server's English text when the details are missing or do not
 * line up, the code is unknown, or the message needs an argument the detail lacks.
 */
export function reasons(texts: string[], details: ReasonDetail[] | null | undefined): string[] {
  const aligned = details && details.length === texts.length ? details : undefined;
  return texts.map((text, i) => reason(text, aligned?.[i]));
}

function reason(text: string, detail: ReasonDetail | undefined): string {
  if (!detail?.code) return text;
  const key = `reason.${detail.code}`;
  const message = tables[current][key] ?? tables.en[key];
  if (message === undefined) return text;
  const args = detail.args ?? {};
  let complete = true;
  const worded = message.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = reasonArg(name, args);
    if (value === undefined) complete = false;
    return value ?? '';
  });
  return complete ? worded : text;
}

function reasonArg(name: string, args: Record<string, string>): string | undefined {
  if (name === 'duration') {
    if (args.days !== undefined) return unit(Number(args.days), 'day');
    if (args.hours !== undefined) return unit(Number(args.hours), 'hour');
    return undefined;
  }
  const value = args[name];
  if (value === undefined) return undefined;
  if (name === 'category') return tk('category', value);
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return value;
  if (name === 'percent') return pct(n / 100);
  const dot = value.indexOf('.');
  return num(n, dot < 0 ? 0 : value.length - dot - 1);
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(id: string, make: () => T): T {
  let f = formatters.get(id) as T | undefined;
  if (!f) formatters.set(id, (f = make()));
  return f;
}

export function num(value: number, digits = 0): string {
  return cached(`n${digits}`, () => new Intl.NumberFormat(current, { maximumFractionDigits: digits, minimumFractionDigits: digits })).format(value);
}

/** "9 days" / "٩ أيام" / "9 días": a whole number of a unit, with the language's own plural. */
export function unit(value: number, name: 'day' | 'hour'): string {
  return cached(`u${name}`, () => new Intl.NumberFormat(current, { style: 'unit', unit: name, unitDisplay: 'long', maximumFractionDigits: 0 })).format(value);
}

export function compact(value: number): string {
  return cached('c', () => new Intl.NumberFormat(current, { notation: 'compact', maximumFractionDigits: 1 })).format(value);
}

export function pct(value01: number): string {
  return cached('p', () => new Intl.NumberFormat(current, { style: 'percent', maximumFractionDigits: 0 })).format(value01);
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return cached('dt', () => new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'medium' })).format(new Date(iso));
}

export function time(iso: string | null | undefined): string {
  if (!iso) return '—';
  return cached('t', () => new Intl.DateTimeFormat(current, { timeStyle: 'medium' })).format(new Date(iso));
}

export function shortTime(iso: string): string {
  return cached('st', () => new Intl.DateTimeFormat(current, { hour: '2-digit', minute: '2-digit' })).format(new Date(iso));
}

export function day(isoDay: string): string {
  return cached('d', () => new Intl.DateTimeFormat(current, { month: 'short', day: 'numeric', timeZone: 'UTC' })).format(new Date(isoDay));
}

/** "3 minutes ago" / "in 2 hours" relative to `now`. */
export function relative(iso: string | null | undefined, now: number): string {
  if (!iso) return '—';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = cached('r', () => new Intl.RelativeTimeFormat(current, { numeric: 'auto', style: 'short' })) as Intl.RelativeTimeFormat;
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.trunc(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.trunc(seconds / 3600), 'hour');
  return rtf.format(Math.trunc(seconds / 86400), 'day');
}

/** A countdown as h:mm:ss or m:ss with localised digits. */
export function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(Math.abs(totalSeconds)));
  const two = (n: number) => cached('2', () => new Intl.NumberFormat(current, { minimumIntegerDigits: 2, useGrouping: false })).format(n);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${num(h)}:${two(m)}:${two(s % 60)}` : `${num(m)}:${two(s % 60)}`;
}
