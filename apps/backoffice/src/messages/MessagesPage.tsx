// Mail and SMS to shoppers, and the development outbox: the list at #/messages, one message at
// #/messages/<id>.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';
import { useSubPath } from '../routes';
import { MessageList } from './MessageList';
import { MessageView } from './MessageView';
import './messages.css';

export function MessagesPage() {
  const t = useT();
  const id = decodeURIComponent(useSubPath().replace(/^\//, ''));
  return (
    <>
      <PageHeading title={t('nav.messages')} />
      <p className="notice messages-banner">{t('messagesAdmin.banner')}</p>
      {id ? <MessageView id={id} /> : <MessageList />}
    </>
  );
}
