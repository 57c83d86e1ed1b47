// The register's part of the demo data: a staff number and PIN for every demo account (cashiers
// 101, 102 … with PIN 1234; managers 201 … with 2468; the owner 301 with 1357) and default settings
// for every register. Written after the base demo in the same transaction.
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import type { Queryable } from '../database';
import type { DemoSeedDeps } from './demo';
import { insertRows } from './rows';

/** The demo PIN and the first staff number of each role. */
export const DEMO_REGISTER_PINS = {
  cashier: { firstNumber: 101, pin: '1234' },
  manager: { firstNumber: 201, pin: '2468' },
  owner: { firstNumber: 301, pin: '1357' },
} as const;

// The same format as apps/server/src/modules/register/pin.ts (hashPin), which verifies it.
function hashDemoPin(pin: string): string {
  const salt = randomBytes(16);
  const key = pbkdf2Sync(pin, salt, 20_000, 32, 'sha256');
  return ['pbkdf2-sha256', 20_000, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Gives every staff member a register number and PIN, in the demo's order per role (Stockholm's cashier is 101), and every register its settings. */
export async function seedDemoRegister(tx: Queryable, deps: DemoSeedDeps): Promise<void> {
  const staff = await tx.query<{ id: string; companyId: string; role: keyof typeof DEMO_REGISTER_PINS }>(
    `select id, company_id as "companyId", role from staff_users order by role, id`,
  );
  const next = { cashier: 0, manager: 0, owner: 0 };
  await insertRows(
    tx,
    'register_cashiers',
    staff.map((s) => {
      const { firstNumber, pin } = DEMO_REGISTER_PINS[s.role];
      return {
        staff_user_id: s.id,
        company_id: s.companyId,
        staff_number: String(firstNumber + next[s.role]++),
        pin_hash: hashDemoPin(pin),
        updated_at: deps.now,
      };
    }),
  );
  const registers = await tx.query<{ id: string }>('select id from registers order by id');
  await insertRows(
    tx,
    'register_settings',
    registers.map((r) => ({ register_id: r.id, updated_at: deps.now })),
  );
}
