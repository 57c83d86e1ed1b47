import { ApiError, type CustomerAccount } from '@handla/api';
import { ErrorNotice, useApi, useT } from '@handla/ui';
import { useEffect, useState } from 'react';
import { AccountForms } from './AccountForms';
import { MemberCard } from './MemberCard';
import { OrderHistory } from './OrderHistory';

/** "Mitt konto": sign in or up; signed in, the order history and "sign out". */
export default function AccountPage() {
  const t = useT();
  const api = useApi();
  const [account, setAccount] = useState<CustomerAccount | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.shop.account().then(setAccount, (e: unknown) => {
      setAccount(null);
      if (!(e instanceof ApiError && e.status === 401)) setError(e);
    });
  }, [api]);

  const signOut = async () => {
    try {
      await api.shop.signOut();
    } finally {
      setAccount(null);
    }
  };

  return (
    <section className="stack" aria-labelledby="account-heading">
      <h1 id="account-heading">{t('shop.account.heading')}</h1>
      {account === undefined && <p role="status">{t('common.loading')}</p>}
      {error !== null && <ErrorNotice error={error} />}
      {account === null && <AccountForms onSignedIn={setAccount} />}
      {account && (
        <>
          <div className="card stack-tight">
            <p>{t('shop.account.signedInAs', { name: account.name, email: account.email })}</p>
            <button type="button" className="button" onClick={() => void signOut()}>
              {t('shop.account.signOut')}
            </button>
          </div>
          <MemberCard />
          <OrderHistory />
        </>
      )}
    </section>
  );
}
