// SQL of the company's invoice settings, the seller printed on invoices, and the staff's company.
import type { InvoiceSettings } from '@handla/api';
import type { Queryable } from '@handla/db';

const SETTINGS_COLUMNS = `street, postal_code as "postalCode", city, email, bankgiro, iban, bic,
  allow_consumers as "allowConsumers", reminder_days_after_due as "reminderDaysAfterDue",
  reminder_interval_days as "reminderIntervalDays", max_reminders as "maxReminders",
  reminder_fee as "reminderFee"`;

export const DEFAULT_SETTINGS: InvoiceSettings = {
  street: null,
  postalCode: null,
  city: null,
  email: null,
  bankgiro: null,
  iban: null,
  bic: null,
  allowConsumers: false,
  reminderDaysAfterDue: 7,
  reminderIntervalDays: 14,
  maxReminders: 3,
  reminderFee: 0,
};

export async function findSettings(q: Queryable, companyId: string): Promise<InvoiceSettings> {
  const [row] = await q.query<InvoiceSettings>(
    `select ${SETTINGS_COLUMNS} from invoice_settings where company_id = $1`,
    [companyId],
  );
  return row ?? DEFAULT_SETTINGS;
}

export async function saveSettings(q: Queryable, companyId: string, s: InvoiceSettings, at: Date) {
  await q.query(
    `insert into invoice_settings (company_id, street, postal_code, city, email, bankgiro, iban, bic,
       allow_consumers, reminder_days_after_due, reminder_interval_days, max_reminders, reminder_fee, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     on conflict (company_id) do update set street = $2, postal_code = $3, city = $4, email = $5,
       bankgiro = $6, iban = $7, bic = $8, allow_consumers = $9, reminder_days_after_due = $10,
       reminder_interval_days = $11, max_reminders = $12, reminder_fee = $13, updated_at = $14`,
    [
      companyId,
      s.street,
      s.postalCode,
      s.city,
      s.email,
      s.bankgiro,
      s.iban,
      s.bic,
      s.allowConsumers,
      s.reminderDaysAfterDue,
      s.reminderIntervalDays,
      s.maxReminders,
      s.reminderFee,
      at,
    ],
  );
}

export interface SellerRow {
  id: string;
  name: string;
  orgNumber: string;
  vatNumber: string;
  timeZone: string;
}

export async function findSeller(q: Queryable, companyId: string): Promise<SellerRow> {
  const [row] = await q.query<SellerRow>(
    `select id, name, org_number as "orgNumber", vat_number as "vatNumber", time_zone as "timeZone"
       from companies where id = $1`,
    [companyId],
  );
  if (!row) throw new Error(`No company ${companyId}`);
  return row;
}

/** The company of a staff member (the back office works on its own company). */
export async function staffCompanyId(q: Queryable, staffUserId: string): Promise<string | undefined> {
  const [row] = await q.query<{ companyId: string }>(
    'select company_id as "companyId" from staff_users where id = $1',
    [staffUserId],
  );
  return row?.companyId;
}
