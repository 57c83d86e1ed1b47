// The supplier's confirmation page: the lines, the address, the PDF and a form that POSTs the
// tracking number as JSON to the same link. Plain HTML, no app bundle: suppliers open it from mail.
import type { Order, SupplierOrder } from '@handla/api';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function confirmPageHtml(
  { supplierOrder: so, order }: { supplierOrder: SupplierOrder; order: Order },
  token: string,
): string {
  const address =
    order.fulfilment.kind === 'delivery'
      ? `${esc(order.fulfilment.address.name)}<br>${esc(order.fulfilment.address.street)}<br>${esc(order.fulfilment.address.postalCode)} ${esc(order.fulfilment.address.city)}`
      : '';
  const lines = so.lines
    .map((l) => `<tr><td>${l.quantity}</td><td>${esc(l.sku)}</td><td>${esc(l.productName)}</td></tr>`)
    .join('');
  const form =
    so.status === 'shipped'
      ? `<p role="status">Skickad / Shipped: ${esc(so.trackingNumber ?? '')}</p>`
      : `<form id="confirm"><label for="tracking">Spårningsnummer / Tracking number</label>
<input id="tracking" name="trackingNumber" required maxlength="100" autocomplete="off">
<button type="submit">Bekräfta att det är skickat / Confirm shipped</button></form>
<p id="result" role="status" aria-live="polite"></p>
<script>
document.getElementById('confirm').addEventListener('submit', async (e) => {
  e.preventDefault();
  const res = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ trackingNumber: document.getElementById('tracking').value }) });
  document.getElementById('result').textContent = res.ok ? 'Tack! / Thank you!' : 'Något gick fel / Something went wrong (' + res.status + ')';
});
</script>`;
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="robots" content="noindex"><title>Leveransorder ${esc(so.orderNumber)}</title></head>
<body><main><h1>Leveransorder / Supplier order ${esc(so.orderNumber)}</h1>
<h2>Leveransadress / Deliver to</h2><p>${address}</p>
<table><caption>Rader / Lines</caption><thead><tr><th scope="col">Antal</th><th scope="col">Artikel</th><th scope="col">Namn</th></tr></thead>
<tbody>${lines}</tbody></table>
<p><a href="${esc(token)}/pdf">PDF</a></p>
${form}</main></body></html>`;
}
