// Mail over SMTP with nodemailer. Without SMTP_URL there is no mailer: the job keeps mail in the
// development outbox instead, rendered exactly as it would have gone out.
import nodemailer from 'nodemailer';
import type { InlineImageFile } from './templates/render';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  inlineImages: InlineImageFile[];
  /** Files attached to the mail (e.g. a supplier order's PDF). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** Sends one mail; resolves with the server's message id, throws when the server refuses. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<{ providerMessageId: string }>;
  close(): void;
}

/** A mailer on `smtpUrl` (`smtp://user:pass@host:587`, `smtps://…:465`) sending as `from`. */
export function createSmtpMailer(smtpUrl: string, from: string): MailSender {
  // Short timeouts: a hanging server must not hold the job's claim past its lease.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: [
          ...mail.inlineImages.map((image) => ({
            filename: image.filename,
            content: image.content,
            contentType: image.contentType,
            cid: image.cid,
            contentDisposition: 'inline' as const,
          })),
          ...(mail.attachments ?? []),
        ],
      });
      return { providerMessageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
