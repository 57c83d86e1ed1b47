import type { Database } from '@handla/db';

/**
 * Stores beside the demo's two, up to `stores` in all, and a register with a paired device in every
 * store. `key` keeps one suite's rows apart from another's: stores `sto_<key>N` coded `<KEY>N`,
 * registers `reg_<key>_<store code>` coded `<KEY>-1`. Returns the ids of the registers made.
 */
export async function addBenchStoresAndRegisters(
  db: Database,
  { stores, key, storeName }: { stores: number; key: string; storeName: string },
): Promise<string[]> {
  const code = key.toUpperCase();
  await db.query(
    `insert into stores (id, company_id, code, name, street, postal_code, city, country)
     select 'sto_' || $2::text || i, (select company_id from stores where code = 'STHLM'), $3::text || i, $4::text || ' ' || i,
            'Gatan ' || i, '111 22', 'Staden', 'SE'
       from generate_series(1, $1::integer) i`,
    [stores - 2, key, code, storeName],
  );
  const registers = await db.query<{ id: string }>(
    `insert into registers (id, store_id, code, name)
     select 'reg_' || $1::text || '_' || s.code, s.id, $2::text || '-1', 'Bänkkassa' from stores s returning id`,
    [key, code],
  );
  await db.query(
    `insert into register_devices (id, register_id, name, token_hash, public_key, paired_by, paired_at)
     select 'dev_' || r.id, r.id, 'bench', 'hash_' || r.id, '{}'::jsonb,
            (select id from staff_users where role = 'owner' limit 1), now()
       from registers r where r.id like 'reg_' || $1::text || '_%'`,
    [key],
  );
  return registers.map((r) => r.id);
}
