// The CRM's part of the demo data: a consumer with a loyalty card and a company with contacts,
// addresses, payment terms and a credit limit. Tolvan's personnummer is Skatteverket's well-known
// test number; the company's organisation number is made up (with a right check digit).
import type { Queryable } from '../database';
import type { DemoSeedDeps } from './demo';
import { luhnCheckDigit } from './org-number';
import { insertRows } from './rows';

const COMPANY_BASE = '559900012';
const address = (name: string, street: string, postalCode: string, city: string) =>
  JSON.stringify({ name, street, postalCode, city, country: 'SE' });

export async function seedDemoCrm(tx: Queryable, deps: DemoSeedDeps): Promise<void> {
  const { now, newId } = deps;
  const [company] = await tx.query<{ id: string }>(
    'select id from companies order by created_at, id limit 1',
  );
  if (!company) throw new Error('demo CRM: the base demo wrote no company');
  const firmId = newId('cus');
  const base = { company_id: company.id, created_at: now, updated_at: now };
  await insertRows(tx, 'customers', [
    {
      ...base,
      id: newId('cus'),
      kind: 'consumer',
      name: 'Tolvan Tolvansson',
      email: 'tolvan@demo-kund.example',
      phone: '073-100 00 01',
      personal_number: '19121212-1212',
      card_number: 'HANDLA-100001',
      delivery_address: address('Tolvan Tolvansson', 'Tolvgatan 12', '121 21', 'Stockholm'),
    },
    {
      ...base,
      id: firmId,
      kind: 'company',
      name: 'Byggfirman Snickarglädje AB',
      email: 'order@snickargladje.example',
      phone: '031-100 00 02',
      org_number: `${COMPANY_BASE.slice(0, 6)}-${COMPANY_BASE.slice(6)}${luhnCheckDigit(COMPANY_BASE)}`,
      payment_terms_days: 30,
      credit_limit: 5_000_000,
      delivery_address: address('Snickarglädje, bygget', 'Hamnvägen 4', '417 64', 'Göteborg'),
      invoice_address: address('Byggfirman Snickarglädje AB', 'Box 1201', '411 01', 'Göteborg'),
    },
  ]);
  await insertRows(tx, 'customer_contacts', [
    {
      customer_id: firmId,
      position: 1,
      name: 'Maja Inköpare',
      email: 'maja@snickargladje.example',
      phone: null,
      role: 'Inköp',
    },
    {
      customer_id: firmId,
      position: 2,
      name: 'Jonas Ekonomi',
      email: 'ekonomi@snickargladje.example',
      phone: null,
      role: 'Fakturor',
    },
  ]);
}
