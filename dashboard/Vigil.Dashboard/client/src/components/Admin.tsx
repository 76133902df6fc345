import { useState } from 'preact/hooks';
import { api } from '../api';
import { useLoad } from '../hooks';
import { t, tk } from '../i18n';
import { LANGUAGES, REGIONS, ROLES, type AdminUser, type Language, type Region, type Role } from '../types';
import { ErrorLine, Loading, errorText } from './common';

const blank = (): AdminUser => ({ userName: '', displayName: '', roles: ['operator'], regions: [], advisorId: null, language: 'en' });

export function Admin() {
  const users = useLoad(() => api.users(), 'users');
  const [editing, setEditing] = useState<{ user: AdminUser; isNew: boolean } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = async (userName: string) => {
    setError(null);
    try { await api.deleteUser(userName); setConfirming(null); users.reload(); } catch (e) { setError(errorText(e)); }
  };
  return (
    <section class="admin" aria-labelledby="admin-heading">
      <div class="toolbar">
        <h1 id="admin-heading">{t('admin.title')}</h1>
        <button type="button" class="primary" data-testid="admin-new-user" onClick={() => setEditing({ user: blank(), isNew: true })}>{t('admin.new')}</button>
      </div>
      <Loading when={users.loading && !users.data} />
      <ErrorLine error={users.error ?? error} />
      <div class="admin-layout">
        {users.data && (
          <table class="grid-table">
            <thead><tr>
              <th scope="col">{t('admin.userName')}</th><th scope="col">{t('admin.displayName')}</th><th scope="col">{t('admin.roles')}</th>
              <th scope="col">{t('admin.regions')}</th><th scope="col">{t('admin.advisorId')}</th><th scope="col">{t('shell.language')}</th><th scope="col"><span class="visually-hidden">{t('admin.actions')}</span></th>
            </tr></thead>
            <tbody>
              {users.data.map(u => (
                <tr key={u.userName} data-testid="admin-user-row" data-user-name={u.userName}>
                  <td>{u.userName}</td><td>{u.displayName}</td>
                  <td>{u.roles.map(r => tk('role', r)).join(', ')}</td>
                  <td>{u.regions.length === 0 ? t('admin.allRegions') : u.regions.map(r => tk('region', r)).join(', ')}</td>
                  <td>{u.advisorId ?? '—'}</td><td>{tk('language', u.language)}</td>
                  <td class="buttons">
                    <button type="button" onClick={() => setEditing({ user: { ...u, roles: [...u.roles], regions: [...u.regions] }, isNew: false })}>{t('admin.edit')}</button>
                    {confirming === u.userName
                      ? <button type="button" class="danger" onClick={() => remove(u.userName)}>{t('admin.confirmDelete')}</button>
                      : <button type="button" onClick={() => setConfirming(u.userName)}>{t('admin.delete')}</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editing && <UserForm key={editing.user.userName || 'new'} initial={editing.user} isNew={editing.isNew}
          onDone={saved => { setEditing(null); if (saved) users.reload(); }} />}
      </div>
    </section>
  );
}

function UserForm({ initial, isNew, onDone }: { initial: AdminUser; isNew: boolean; onDone: (saved: boolean) => void }) {
  const [user, setUser] = useState(initial);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = <T extends string>(list: T[], value: T, on: boolean) => (on ? [...list.filter(v => v !== value), value] : list.filter(v => v !== value));
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.saveUser({ ...user, userName: user.userName.trim(), advisorId: user.advisorId?.trim() || null, ...(password ? { password } : {}) });
      onDone(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel user-form" onSubmit={submit} aria-label={isNew ? t('admin.new') : t('admin.editing', { user: user.userName })}>
      <h2>{isNew ? t('admin.new') : t('admin.editing', { user: user.userName })}</h2>
      <label>{t('admin.userName')}
        <input required readOnly={!isNew} value={user.userName} onInput={e => setUser({ ...user, userName: e.currentTarget.value })} autocomplete="off" />
      </label>
      <label>{t('admin.displayName')}
        <input required value={user.displayName} onInput={e => setUser({ ...user, displayName: e.currentTarget.value })} />
      </label>
      <label>{isNew ? t('admin.password') : t('admin.resetPassword')}
        <input type="password" required={isNew} minLength={8} value={password} autocomplete="new-password" onInput={e => setPassword(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('admin.roles')}</legend>
        {ROLES.map(r => (
          <label key={r} class="inline"><input type="checkbox" checked={user.roles.includes(r)}
            onChange={e => setUser({ ...user, roles: toggle<Role>(user.roles, r, e.currentTarget.checked) })} /> {tk('role', r)}</label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('admin.regions')} <span class="muted">({t('admin.regionsHint')})</span></legend>
        {REGIONS.map(r => (
          <label key={r} class="inline"><input type="checkbox" checked={user.regions.includes(r)}
            onChange={e => setUser({ ...user, regions: toggle<Region>(user.regions, r, e.currentTarget.checked) })} /> {tk('region', r)}</label>
        ))}
      </fieldset>
      <label>{t('admin.advisorId')}
        <input value={user.advisorId ?? ''} onInput={e => setUser({ ...user, advisorId: e.currentTarget.value })} />
      </label>
      <label>{t('shell.language')}
        <select value={user.language} onChange={e => setUser({ ...user, language: e.currentTarget.value as Language })}>
          {LANGUAGES.map(l => <option key={l} value={l}>{tk('language', l)}</option>)}
        </select>
      </label>
      <ErrorLine error={error} />
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy || user.roles.length === 0}>{t('admin.save')}</button>
        <button type="button" onClick={() => onDone(false)}>{t('admin.cancel')}</button>
      </div>
    </form>
  );
}
