// The test provider's confirmation page: what a card issuer's 3-D Secure page or the shopper's
// Swish app would show, in Swedish and English, with two buttons that post the decision back.
import type { PaymentRow } from '../payments.store';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const formatSek = (ore: number) =>
  `${new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2 }).format(ore / 100)} kr`;

/** The page for `payment`; a payment no longer waiting gets a link back instead of buttons. */
export function renderConfirmPage(payment: PaymentRow, actionPath: string): string {
  const isSwish = payment.method === 'swish';
  const isWaiting = payment.status === (isSwish ? 'pending' : 'action_required');
  const title = isSwish
    ? 'Swish (test) – godkänn betalningen · approve the payment'
    : 'Bekräfta kortbetalningen · Confirm the card payment (3-D Secure, test)';
  const body = isWaiting
    ? `<form method="post" action="${escapeHtml(actionPath)}">
      <button type="submit" name="decision" value="approve">Godkänn · Approve</button>
      <button type="submit" name="decision" value="cancel" class="secondary">Avbryt · Cancel</button>
    </form>`
    : `<p role="status">Betalningen är redan besvarad (${escapeHtml(payment.status)}) · The payment was already answered.</p>
    <p><a href="${escapeHtml(payment.returnUrl)}">Tillbaka till butiken · Back to the shop</a></p>`;
  return `<!doctype html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a; }
    .amount { font-size: 2rem; font-weight: 600; margin: 0.5rem 0; }
    form { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
    button { font: inherit; padding: 0.75rem 1.25rem; border-radius: 0.5rem; border: 2px solid #0b5; background: #0b5; color: #fff; cursor: pointer; }
    button.secondary { background: #fff; color: #1a1a1a; border-color: #767676; }
    button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
    .note { color: #555; font-size: 0.875rem; }
  </style>
</head>
<body>
  <main>
    <h1>${escapeHtml(title)}</h1>
    <p class="amount">${escapeHtml(formatSek(payment.amount))}</p>
    <p>${escapeHtml(payment.description)}</p>
    ${body}
    <p class="note">Testleverantör – inga pengar dras · Test provider – no money moves.</p>
  </main>
</body>
</html>`;
}
