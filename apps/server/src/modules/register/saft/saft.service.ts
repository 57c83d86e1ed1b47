// The SAF-T Cash Register export (Norwegian schema v1.00) of one register, or every register of a
// company, for a period of local dates: header, company with VAT codes, employees, articles and the
// code-list basics, then per store a <location> with its registers' events and signed transactions.
import type { Queryable } from '@handla/db';
import type { JournalRow } from '../journal.store';
import {
  findSaftCompany,
  findSaftEmployees,
  findSaftStores,
  readJournalUntil,
  type SaftEmployee,
} from './saft.store';
import {
  ALL_BASICS,
  OUTSIDE_VAT_CODE,
  OUTSIDE_VAT_STANDARD_CODE,
  standardVatCodeFor,
  vatCodeFor,
} from './saft-codes';
import { id35, localDateTime } from './saft-format';
import { buildCashRegister, type RegisterExportUsage } from './saft-register';
import { registerSigningKey } from './saft-signature';
import { el, group, renderDocument, type XmlNode } from './xml-writer';

export interface SaftRegister {
  id: string;
  code: string;
  name: string;
  storeId: string;
  companyId: string;
}

export interface SaftExportInput {
  companyId: string;
  registers: readonly SaftRegister[];
  /** Local dates (company time zone), both included. */
  from: string;
  to: string;
  now: Date;
  softwareVersion: string;
  secret: string;
}

const NAMESPACE = 'urn:StandardAuditFile-Taxation-CashRegister:NO';

function employeeNode(e: SaftEmployee, empID: string, timeZone: string): XmlNode {
  const entered = localDateTime(e.createdAt, timeZone);
  const [first, ...rest] = e.name.trim().split(/\s+/);
  return group('employee', [
    el('empID', empID),
    el('dateOfEntry', entered.date),
    el('timeOfEntry', entered.time),
    el('firstName', rest.length > 0 ? first : undefined),
    el('surName', rest.length > 0 ? rest.join(' ') : (first ?? e.name)),
    group('employeeRole', [el('roleType', e.role)]),
  ]);
}

/** The staff number when the cashier has one (what the register shows), else the staff id. */
const empIdFor = (e: SaftEmployee) => id35(e.staffNumber ?? e.id);

export async function buildSaftExport(q: Queryable, input: SaftExportInput): Promise<string> {
  const company = await findSaftCompany(q, input.companyId);
  const tz = company.timeZone;
  const isInPeriod = (row: JournalRow) => {
    const date = localDateTime(row.at, tz).date;
    return date >= input.from && date <= input.to;
  };
  // Reading stops a day after the period, not at it: an offline register's clock may run a little
  // ahead of the next entry's, and entries are chained in sequence order, not time order.
  const dayAfterEnd = new Date(Date.parse(`${input.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const isPastEnd = (row: JournalRow) => localDateTime(row.at, tz).date > dayAfterEnd;

  const journals = new Map<string, JournalRow[]>();
  const cashierIds = new Set<string>();
  for (const register of input.registers) {
    const rows = await readJournalUntil(q, register.id, isPastEnd);
    journals.set(register.id, rows);
    for (const row of rows) {
      const cashierId = (row.payload as { cashierId?: unknown }).cashierId;
      if (isInPeriod(row) && typeof cashierId === 'string') cashierIds.add(cashierId);
    }
  }
  const employees = await findSaftEmployees(q, [...cashierIds]);
  const empIds = new Map(employees.map((e) => [e.id, empIdFor(e)]));
  const empIdOf = (staffId: string) => empIds.get(staffId) ?? id35(staffId);

  const usage: RegisterExportUsage = { articles: new Map(), vatRates: new Set() };
  const registerNodes = new Map<string, XmlNode[]>();
  for (const register of input.registers) {
    const built = buildCashRegister({
      register,
      rows: journals.get(register.id)!,
      isInPeriod,
      company: { ident: company.orgNumber, name: company.name },
      timeZone: tz,
      currency: company.currency,
      signingKey: registerSigningKey(input.secret, register.id),
      empIdOf,
    });
    for (const [k, v] of built.usage.articles) if (!usage.articles.has(k)) usage.articles.set(k, v);
    for (const rate of built.usage.vatRates) usage.vatRates.add(rate);
    if (built.usage.hasOutsideVat) usage.hasOutsideVat = true;
    registerNodes.set(register.storeId, [...(registerNodes.get(register.storeId) ?? []), built.node]);
  }
  const stores = await findSaftStores(q, [...registerNodes.keys()]);
  const created = localDateTime(input.now, tz);

  const header = group('header', [
    el('fiscalYear', input.from.slice(0, 4)),
    el('startDate', input.from),
    el('endDate', input.to),
    el('curCode', company.currency),
    el('dateCreated', created.date),
    el('timeCreated', created.time),
    el('softwareDesc', 'Handla'),
    el('softwareVersion', input.softwareVersion),
    el('softwareCompanyName', 'Handla'),
    el('auditfileVersion', '1.0'),
    el('headerComment', `Registers: ${input.registers.map((r) => r.code).join(', ')}`),
  ]);
  const companyNode = group('company', [
    el('companyIdent', company.orgNumber),
    el('companyName', company.name),
    el('taxRegistrationCountry', company.country),
    el('taxRegIdent', company.vatNumber),
    group(
      'vatCodeDetails',
      [...usage.vatRates]
        .sort((a, b) => b - a)
        .map((rate) =>
          group('vatCodeDetail', [
            el('vatCode', vatCodeFor(rate)),
            el('dateOfEntry', input.from),
            el('vatDesc', `Moms ${rate / 100} %`),
            el('standardVatCode', standardVatCodeFor(rate)),
          ]),
        )
        .concat(
          usage.hasOutsideVat
            ? [
                group('vatCodeDetail', [
                  el('vatCode', OUTSIDE_VAT_CODE),
                  el('dateOfEntry', input.from),
                  el('vatDesc', 'Utanför momsen (presentkort)'),
                  el('standardVatCode', OUTSIDE_VAT_STANDARD_CODE),
                ]),
              ]
            : [],
        ),
    ),
    group('periods', [
      group('period', [
        el('periodNumber', 1),
        el('periodDesc', `${input.from} – ${input.to}`),
        el('startDatePeriod', input.from),
        el('startTimePeriod', '00:00:00'),
        el('endDatePeriod', input.to),
        el('endTimePeriod', '23:59:59'),
      ]),
    ]),
    group(
      'employees',
      employees.map((e) => employeeNode(e, empIdFor(e), tz)),
    ),
    group(
      'articles',
      [...usage.articles].map(([sku, a]) =>
        group('article', [
          el('artID', id35(sku)),
          el('dateOfEntry', a.date),
          el('artGroupID', 'GOODS'),
          el('artDesc', a.name),
        ]),
      ),
    ),
    group(
      'basics',
      ALL_BASICS.map((b) =>
        group('basic', [
          el('basicType', b.basicType),
          el('basicID', b.basicID),
          el('predefinedBasicID', b.predefinedBasicID),
          el('basicDesc', b.basicDesc),
        ]),
      ),
    ),
    ...stores.map((s) =>
      group('location', [
        el('name', `${s.code}: ${s.name}`),
        group('streetAddress', [
          el('streetname', s.street),
          el('city', s.city),
          el('postalCode', s.postalCode),
          el('country', s.country),
        ]),
        ...(registerNodes.get(s.id) ?? []),
      ]),
    ),
  ]);
  return renderDocument(
    'auditfile',
    {
      xmlns: NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${NAMESPACE} Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd`,
    },
    [header, companyNode],
  );
}
