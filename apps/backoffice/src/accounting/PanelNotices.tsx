import { ErrorNotice } from '@handla/ui';

/** What a panel's last action came to: the server's refusal, or a confirmation read out politely. */
export function PanelNotices({ error, notice }: { error: unknown; notice: string }) {
  return (
    <>
      {error !== null && <ErrorNotice error={error} />}
      <p role="status" className={notice ? 'notice notice-ok' : 'visually-hidden'}>
        {notice}
      </p>
    </>
  );
}
