// The invoices' part of the demo data: the seller's address and bank details printed on every
// invoice (made-up bankgiro and IBAN with valid check digits), and a reminder policy.
import type { Queryable } from '../database';
import type { DemoSeedDeps } from './demo';
import { insertRows } from './rows';

export async function seedDemoInvoices(tx: Queryable, deps: DemoSeedDeps): Promise<void> {
  const [company] = await tx.query<{ id: string }>(
    'select id from companies order by created_at, id limit 1',
  );
  if (!company) throw new Error('demo invoices: the base demo wrote no company');
  await insertRows(tx, 'invoice_settings', [
    {
      company_id: company.id,
      street: 'Drottninggatan 1',
      postal_code: '111 51',
      city: 'Stockholm',
      email: 'faktura@demo.handla.se',
      bankgiro: '991-2346',
      iban: 'SE45 5000 0000 0583 9825 7466',
      bic: 'ESSESESS',
      allow_consumers: false,
      reminder_days_after_due: 7,
      reminder_interval_days: 14,
      max_reminders: 3,
      reminder_fee: 6_000,
      updated_at: deps.now,
    },
  ]);
}
