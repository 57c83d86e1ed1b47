// SQL for applied register commands (idempotency) and gift cards with their ledger.
import type { CommandResultDto } from '@handla/api';
import type { Queryable } from '@handla/db';

export interface StoredCommand {
  registerId: string;
  bodyHash: string;
  result: CommandResultDto;
}

export async function findCommand(q: Queryable, commandId: string): Promise<StoredCommand | undefined> {
  const [row] = await q.query<StoredCommand>(
    `select register_id as "registerId", body_hash as "bodyHash", result from register_commands
      where command_id = $1`,
    [commandId],
  );
  return row;
}

export async function insertCommand(
  q: Queryable,
  row: {
    commandId: string;
    registerId: string;
    kind: string;
    bodyHash: string;
    result: CommandResultDto;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `insert into register_commands (command_id, register_id, kind, body_hash, result, applied_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [row.commandId, row.registerId, row.kind, row.bodyHash, JSON.stringify(row.result), row.at],
  );
}

/** A gift card, locked for the rest of the transaction, with its balance (the sum of its ledger). */
export async function lockGiftCard(q: Queryable, code: string) {
  const [row] = await q.query<{ id: string; currency: string; balance: number }>(
    `select g.id, g.currency,
            (select coalesce(sum(l.amount), 0)::integer from gift_card_ledger l where l.gift_card_id = g.id) as balance
       from gift_cards g where g.code = $1 for update`,
    [code],
  );
  return row;
}

export async function insertGiftCardEntry(
  q: Queryable,
  e: { id: string; giftCardId: string; amount: number; receiptId: string | null; at: Date },
): Promise<void> {
  await q.query(
    `insert into gift_card_ledger (id, gift_card_id, amount, receipt_id, occurred_at) values ($1, $2, $3, $4, $5)`,
    [e.id, e.giftCardId, e.amount, e.receiptId, e.at],
  );
}

export async function insertGiftCard(
  q: Queryable,
  g: { id: string; companyId: string; code: string; currency: string; receiptId: string | null; at: Date },
): Promise<void> {
  await q.query(
    `insert into gift_cards (id, company_id, code, currency, issued_receipt_id, created_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [g.id, g.companyId, g.code, g.currency, g.receiptId, g.at],
  );
}
