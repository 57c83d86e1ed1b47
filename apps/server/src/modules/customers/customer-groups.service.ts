// Customer groups: a company's groups (code + a name a manager may change) that promotions name in
// `customerGroups`. A customer's kind is a built-in group too, so `company` / `consumer` are not codes.
import type { CreateCustomerGroupBody, CustomerGroup } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import * as groups from './customer-groups.store';
import { firstCompanyId } from './customers.store';

export async function listCustomerGroups(ctx: AppContext): Promise<{ items: CustomerGroup[] }> {
  return { items: await groups.listGroups(ctx.db, await firstCompanyId(ctx.db)) };
}

/** Creates a group; a code taken is 409 naming `code`. */
export async function createCustomerGroup(
  ctx: AppContext,
  body: CreateCustomerGroupBody,
): Promise<CustomerGroup> {
  const companyId = await firstCompanyId(ctx.db);
  if (!(await groups.insertGroup(ctx.db, companyId, body, ctx.clock()))) {
    throw new DomainError('duplicate', 'A group with that code exists.', [
      { field: 'code', message: 'Already used' },
    ]);
  }
  return { code: body.code, name: body.name, customers: 0 };
}

/** Renames a group: the code stays, so customers and promotion rules are unchanged. */
export async function renameCustomerGroup(
  ctx: AppContext,
  code: string,
  name: string,
): Promise<CustomerGroup> {
  const companyId = await firstCompanyId(ctx.db);
  if (!(await groups.renameGroup(ctx.db, companyId, code, name, ctx.clock()))) {
    throw new DomainError('not_found', `No customer group ${code}.`, [
      { field: 'code', message: 'Unknown group' },
    ]);
  }
  const found = (await groups.listGroups(ctx.db, companyId)).find((g) => g.code === code);
  return found!;
}
