// The account mapping (BAS defaults with a company's overrides, named from its imported chart of
// accounts) and the import of a chart of accounts from a SIE file.
import type { AccountMappingList, PutAccountMappingBody } from '@handla/api';
import {
  ACCOUNT_KEYS,
  type AccountKey,
  type AccountMap,
  BAS_DEFAULT_ACCOUNTS,
  DomainError,
  parseOssCountryKey,
  resolveAccountMap,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import * as store from './accounting.store';
import { readSie } from './sie/read';

/** The company's account per key, and the names of its imported accounts. */
export async function loadAccountMap(
  q: Queryable,
  companyId: string,
): Promise<{ map: AccountMap; names: Map<string, string> }> {
  const overrides = Object.fromEntries(
    (await store.listAccountOverrides(q, companyId)).map((r) => [r.key, r.account]),
  );
  return { map: resolveAccountMap(overrides), names: await store.listAccountNames(q, companyId) };
}

/** The mapping's rows for per-country OSS accounts: each one set, after the shared OSS ones it overrides. */
function ossCountryRows(map: AccountMap, names: Map<string, string>) {
  return Object.entries(map.ossByCountry ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, account]) => {
      const base = map[key.startsWith('oss_sales') ? 'oss_sales' : 'oss_vat'];
      return { key, account, defaultAccount: base, isDefault: false, name: names.get(account) ?? '' };
    });
}

async function mappingOf(q: Queryable, companyId: string): Promise<AccountMappingList> {
  const { map, names } = await loadAccountMap(q, companyId);
  return {
    items: [
      ...ACCOUNT_KEYS.map((key) => {
        const def = BAS_DEFAULT_ACCOUNTS[key];
        return {
          key,
          account: map[key],
          defaultAccount: def.account,
          isDefault: map[key] === def.account,
          name: names.get(map[key]) ?? (map[key] === def.account ? def.name : ''),
        };
      }),
      ...ossCountryRows(map, names),
    ],
    importedAccountNames: names.size,
  };
}

export async function getAccountMapping(ctx: AppContext, staffUserId: string): Promise<AccountMappingList> {
  const company = await store.findStaffCompany(ctx.db, staffUserId);
  return mappingOf(ctx.db, company.id);
}

/** Sets (or, with `account: null`, resets to BAS) the accounts named, all in one transaction. */
export async function putAccountMapping(
  ctx: AppContext,
  staffUserId: string,
  body: PutAccountMappingBody,
): Promise<AccountMappingList> {
  const company = await store.findStaffCompany(ctx.db, staffUserId);
  const seen = new Set<string>();
  body.accounts.forEach((a, i) => {
    if (!Object.hasOwn(BAS_DEFAULT_ACCOUNTS, a.key) && !parseOssCountryKey(a.key)) {
      throw new DomainError('validation_failed', `${a.key} is not an EU country's OSS key.`, [
        { field: `accounts[${i}].key`, message: 'oss_sales:CC / oss_vat:CC take an EU member state' },
      ]);
    }
    if (seen.has(a.key)) {
      throw new DomainError('validation_failed', `${a.key} is named twice.`, [
        { field: `accounts[${i}].key`, message: 'Each key at most once' },
      ]);
    }
    seen.add(a.key);
  });
  return ctx.db.transaction(async (tx) => {
    const at = ctx.clock();
    for (const a of body.accounts) {
      const def = BAS_DEFAULT_ACCOUNTS[a.key as AccountKey] as
        | (typeof BAS_DEFAULT_ACCOUNTS)[AccountKey]
        | undefined;
      if (a.account === null || a.account === def?.account) {
        await store.deleteAccountOverride(tx, company.id, a.key);
      } else {
        await store.upsertAccountOverride(tx, {
          companyId: company.id,
          key: a.key,
          account: a.account,
          updatedBy: staffUserId,
          at,
        });
      }
    }
    return mappingOf(tx, company.id);
  });
}

/**
 * Reads a SIE file (any type with #KONTO records) and stores its account names as the company's
 * chart of accounts. A file our reader refuses is refused here with the line it names.
 */
export async function importChartOfAccounts(
  ctx: AppContext,
  staffUserId: string,
  bytes: Uint8Array,
): Promise<{ importedAccountNames: number; companyName: string | null }> {
  const company = await store.findStaffCompany(ctx.db, staffUserId);
  const doc = readSie(bytes);
  const names = new Map(
    [...doc.accounts].filter(([, a]) => a.name.trim() !== '').map(([n, a]) => [n, a.name]),
  );
  if (names.size === 0) {
    throw new DomainError('validation_failed', 'The file has no #KONTO records.', [
      { field: 'body', message: 'No #KONTO records with a name' },
    ]);
  }
  await ctx.db.transaction((tx) => store.replaceAccountNames(tx, company.id, names, ctx.clock()));
  return { importedAccountNames: names.size, companyName: doc.companyName ?? null };
}
