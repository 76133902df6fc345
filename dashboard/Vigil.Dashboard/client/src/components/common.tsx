import type { ComponentChildren } from 'preact';
import { linkClick } from '../router';
import { t } from '../i18n';

export function Link({ href, children, cls, testId }: { href: string; children: ComponentChildren; cls?: string; testId?: string }) {
  return <a href={href} class={cls} data-testid={testId} onClick={linkClick}>{children}</a>;
}

export function ErrorLine({ error }: { error: string | null | undefined }) {
  return error ? <p class="error" role="alert">{error}</p> : null;
}

export function Loading({ when }: { when: boolean }) {
  return when ? <p class="muted" aria-busy="true">{t('common.loading')}</p> : null;
}

export function errorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (message.includes('forbidden')) return t('error.forbidden');
  if (message === 'disconnected') return t('error.disconnected');
  return message.replace(/^An unexpected error occurred invoking '\w+' on the server\.\s*(HubException:\s*)?/, '') || t('error.generic');
}
