// Seed builders: one small insert per table with sensible defaults, shared by the demo data and the
// tests. Ids and instants are always passed in (never made here), so a seed is repeatable.
// Tables keyed by id return it; tables with a composite key (vat_rates, bundle_components, prices)
// return nothing. The `…s` variants insert many rows in one statement.
import type { Queryable } from '../database';
import { insertRows } from './rows';

export * from './catalog-builders';
export * from './stock';

/** A weekly opening-hours entry in the store's local time; weekday 1 = Monday … 7 = Sunday. */
export interface OpeningHoursSeed {
  weekday: number;
  opens: string;
  closes: string;
}

export type SeedLocationKind = 'store' | 'warehouse' | 'third_party';
export type SeedStaffRole = 'owner' | 'manager' | 'cashier';

export interface CompanySeed {
  id: string;
  name?: string;
  orgNumber?: string;
  vatNumber?: string;
  country?: string;
  currency?: string;
  timeZone?: string;
  createdAt?: Date;
}

/** Defaults to a Swedish AB with a Luhn-valid org number (559999-9991) and its VAT number. */
export async function insertCompany(q: Queryable, f: CompanySeed): Promise<string> {
  const orgNumber = f.orgNumber ?? '559999-9991';
  await insertRows(q, 'companies', [
    {
      id: f.id,
      name: f.name ?? 'Testbolaget AB',
      org_number: orgNumber,
      vat_number: f.vatNumber ?? `SE${orgNumber.replace(/\D/g, '')}01`,
      country: f.country ?? 'SE',
      currency: f.currency ?? 'SEK',
      time_zone: f.timeZone,
      created_at: f.createdAt,
    },
  ]);
  return f.id;
}

export interface StoreSeed {
  id: string;
  companyId: string;
  code?: string;
  name?: string;
  street?: string;
  postalCode?: string;
  city?: string;
  country?: string;
  phone?: string | null;
  email?: string | null;
  timeZone?: string;
  openingHours?: OpeningHoursSeed[];
  createdAt?: Date;
}

export async function insertStore(q: Queryable, f: StoreSeed): Promise<string> {
  const code = f.code ?? f.id.toUpperCase();
  await insertRows(q, 'stores', [
    {
      id: f.id,
      company_id: f.companyId,
      code,
      name: f.name ?? `Butik ${code}`,
      street: f.street ?? 'Storgatan 1',
      postal_code: f.postalCode ?? '111 22',
      city: f.city ?? 'Stockholm',
      country: f.country ?? 'SE',
      phone: f.phone,
      email: f.email,
      time_zone: f.timeZone,
      opening_hours: f.openingHours && JSON.stringify(f.openingHours),
      created_at: f.createdAt,
    },
  ]);
  return f.id;
}

export interface LocationSeed {
  id: string;
  companyId: string;
  storeId?: string | null;
  code?: string;
  name?: string;
  /** Defaults to 'store' when the location belongs to a store, else 'warehouse'. */
  kind?: SeedLocationKind;
  createdAt?: Date;
}

export async function insertLocation(q: Queryable, f: LocationSeed): Promise<string> {
  const code = f.code ?? f.id.toUpperCase();
  await insertRows(q, 'locations', [
    {
      id: f.id,
      company_id: f.companyId,
      store_id: f.storeId,
      code,
      name: f.name ?? `Lager ${code}`,
      kind: f.kind ?? (f.storeId ? 'store' : 'warehouse'),
      created_at: f.createdAt,
    },
  ]);
  return f.id;
}

export interface RegisterSeed {
  id: string;
  storeId: string;
  code?: string;
  name?: string;
  createdAt?: Date;
}

export async function insertRegister(q: Queryable, f: RegisterSeed): Promise<string> {
  const code = f.code ?? f.id.toUpperCase();
  await insertRows(q, 'registers', [
    { id: f.id, store_id: f.storeId, code, name: f.name ?? `Kassa ${code}`, created_at: f.createdAt },
  ]);
  return f.id;
}

export interface StaffUserSeed {
  id: string;
  companyId: string;
  /** Already hashed by the caller (the server's password hasher, or a fake in tests). */
  passwordHash: string;
  email?: string;
  name?: string;
  role?: SeedStaffRole;
  storeId?: string | null;
  isActive?: boolean;
  createdAt?: Date;
}

export async function insertStaffUser(q: Queryable, f: StaffUserSeed): Promise<string> {
  await insertRows(q, 'staff_users', [
    {
      id: f.id,
      company_id: f.companyId,
      email: f.email ?? `${f.id}@test.handla.se`,
      name: f.name ?? 'Test Testsson',
      role: f.role ?? 'cashier',
      store_id: f.storeId,
      password_hash: f.passwordHash,
      is_active: f.isActive,
      created_at: f.createdAt,
      updated_at: f.createdAt,
    },
  ]);
  return f.id;
}

export interface TaxClassSeed {
  code: string;
  nameSv?: string;
  nameEn?: string;
}

/** Returns the tax class's code, which is its key. */
export async function insertTaxClass(q: Queryable, f: TaxClassSeed): Promise<string> {
  await insertRows(q, 'tax_classes', [
    { code: f.code, name_sv: f.nameSv ?? f.code, name_en: f.nameEn ?? f.code },
  ]);
  return f.code;
}

export interface VatRateSeed {
  taxClass: string;
  rateBp: number;
  country?: string;
  /** ISO dates (YYYY-MM-DD); validTo is the inclusive last day, null = until further notice. */
  validFrom?: string;
  validTo?: string | null;
}

export async function insertVatRate(q: Queryable, f: VatRateSeed): Promise<void> {
  await insertRows(q, 'vat_rates', [
    {
      country: f.country ?? 'SE',
      tax_class: f.taxClass,
      rate_bp: f.rateBp,
      valid_from: f.validFrom ?? '2000-01-01',
      valid_to: f.validTo,
    },
  ]);
}

export interface CategorySeed {
  id: string;
  companyId: string;
  parentId?: string | null;
  slug?: string;
  nameSv?: string;
  nameEn?: string;
  sortOrder?: number;
}

export async function insertCategory(q: Queryable, f: CategorySeed): Promise<string> {
  await insertRows(q, 'categories', [
    {
      id: f.id,
      company_id: f.companyId,
      parent_id: f.parentId,
      slug: f.slug ?? f.id,
      name_sv: f.nameSv ?? `Kategori ${f.id}`,
      name_en: f.nameEn ?? `Category ${f.id}`,
      sort_order: f.sortOrder,
    },
  ]);
  return f.id;
}
