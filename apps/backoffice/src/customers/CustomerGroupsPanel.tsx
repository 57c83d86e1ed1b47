// The company's customer groups on the customer list: make a group (a code promotions name, and a
// name) and rename one. The code never changes, so customers and promotion rules keep their group.
import type { CustomerGroup } from '@handla/api';
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { type FormEvent, useCallback, useId, useState } from 'react';

export function CustomerGroupsPanel() {
  const t = useT();
  const api = useApi();
  const id = useId();
  const groups = useLoader(useCallback(() => api.crm.groups(), [api]));
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setNotice('');
    try {
      const made = await api.crm.createGroup({ code: code.trim(), name: name.trim() });
      setCode('');
      setName('');
      setNotice(t('crmAdmin.groups.created', { name: made.name }));
      groups.reload();
    } catch (e) {
      setError(e);
    }
  }

  async function rename(group: CustomerGroup) {
    const next = window.prompt(t('crmAdmin.groups.renamePrompt', { name: group.name }), group.name);
    if (next === null || next.trim() === '' || next.trim() === group.name) return;
    setError(null);
    try {
      const renamed = await api.crm.renameGroup(group.code, next.trim());
      setNotice(t('crmAdmin.groups.renamed', { name: renamed.name }));
      groups.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('crmAdmin.groups')}</h3>
      <p>{t('crmAdmin.groups.explain')}</p>
      {groups.error !== null && <ErrorNotice error={groups.error} onRetry={groups.reload} />}
      {error !== null && (
        <ErrorNotice
          error={error}
          fieldLabels={{ code: t('crmAdmin.groups.code'), name: t('crmAdmin.groups.name') }}
        />
      )}
      {groups.data && groups.data.items.length === 0 && <p>{t('crmAdmin.groups.none')}</p>}
      <ul>
        {groups.data?.items.map((group) => (
          <li key={group.code}>
            {group.name} <span className="muted">({group.code})</span> ·{' '}
            {t('crmAdmin.groups.count', { n: group.customers })}{' '}
            <button type="button" className="button button-quiet" onClick={() => void rename(group)}>
              {t('crmAdmin.groups.rename')}
              <span className="visually-hidden"> {group.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <form className="search-row" onSubmit={create}>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('crmAdmin.groups.code')}</label>
          <input
            id={`${id}-code`}
            required
            maxLength={40}
            pattern="[a-z0-9][a-z0-9_\-]*"
            aria-describedby={`${id}-code-hint`}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <span id={`${id}-code-hint`} className="hint">
            {t('crmAdmin.groups.codeHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('crmAdmin.groups.name')}</label>
          <input
            id={`${id}-name`}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {t('crmAdmin.groups.create')}
        </button>
      </form>
      <p role="status" className={notice ? 'notice' : 'visually-hidden'}>
        {notice}
      </p>
    </section>
  );
}
