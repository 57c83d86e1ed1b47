// SQL for registers, paired devices, pairing codes, cashier PINs and register settings.
import type { DevicePublicKey, RegisterSettings, Role } from '@handla/api';
import type { Queryable } from '@handla/db';

/** A register with its store and company. */
export interface RegisterRow {
  id: string;
  code: string;
  name: string;
  storeId: string;
  companyId: string;
}

/** Every register (of one store when `storeId` is given), with its paired device's time if any. */
export async function listRegisters(q: Queryable, storeId: string | null) {
  return q.query<{
    id: string;
    code: string;
    name: string;
    storeId: string;
    storeCode: string;
    storeName: string;
    pairedAt: Date | null;
  }>(
    `select r.id, r.code, r.name, r.store_id as "storeId", s.code as "storeCode", s.name as "storeName",
            (select max(d.paired_at) from register_devices d
              where d.register_id = r.id and d.revoked_at is null) as "pairedAt"
       from registers r join stores s on s.id = r.store_id
      where $1::text is null or r.store_id = $1
      order by s.code, r.code`,
    [storeId],
  );
}

export async function findRegister(q: Queryable, registerId: string): Promise<RegisterRow | undefined> {
  const [row] = await q.query<RegisterRow>(
    `select r.id, r.code, r.name, r.store_id as "storeId", s.company_id as "companyId"
       from registers r join stores s on s.id = r.store_id where r.id = $1`,
    [registerId],
  );
  return row;
}

export async function insertPairingCode(
  q: Queryable,
  row: { codeHash: string; registerId: string; createdBy: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `insert into register_pairing_codes (code_hash, register_id, created_by, created_at, expires_at)
     values ($1, $2, $3, $4, $5)`,
    [row.codeHash, row.registerId, row.createdBy, row.createdAt, row.expiresAt],
  );
}

/** Marks an unused, unexpired code used and returns what it pairs; undefined when it is not valid. */
export async function takePairingCode(q: Queryable, codeHash: string, now: Date) {
  const [row] = await q.query<{ registerId: string; createdBy: string }>(
    `update register_pairing_codes set used_at = $2
      where code_hash = $1 and used_at is null and expires_at > $2
      returning register_id as "registerId", created_by as "createdBy"`,
    [codeHash, now],
  );
  return row;
}

/** Revokes every active device of the register: one device keeps one register's journal. */
export async function revokeDevicesOf(q: Queryable, registerId: string, now: Date): Promise<number> {
  const rows = await q.query(
    `update register_devices set revoked_at = $2 where register_id = $1 and revoked_at is null returning id`,
    [registerId, now],
  );
  return rows.length;
}

export async function insertDevice(
  q: Queryable,
  row: {
    id: string;
    registerId: string;
    name: string;
    tokenHash: string;
    publicKey: DevicePublicKey;
    pairedBy: string;
    pairedAt: Date;
  },
): Promise<void> {
  await q.query(
    `insert into register_devices (id, register_id, name, token_hash, public_key, paired_by, paired_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      row.id,
      row.registerId,
      row.name,
      row.tokenHash,
      JSON.stringify(row.publicKey),
      row.pairedBy,
      row.pairedAt,
    ],
  );
}

/** An active device, found by its token hash. */
export interface DeviceRow {
  id: string;
  registerId: string;
  storeId: string;
  publicKey: DevicePublicKey;
}

export async function findActiveDevice(q: Queryable, tokenHash: string): Promise<DeviceRow | undefined> {
  const [row] = await q.query<DeviceRow>(
    `select d.id, d.register_id as "registerId", r.store_id as "storeId", d.public_key as "publicKey"
       from register_devices d join registers r on r.id = d.register_id
      where d.token_hash = $1 and d.revoked_at is null`,
    [tokenHash],
  );
  return row;
}

/** Public keys of every device that ever served the register (revoked ones sign old entries). */
export async function devicePublicKeys(
  q: Queryable,
  registerId: string,
): Promise<Map<string, DevicePublicKey>> {
  const rows = await q.query<{ id: string; publicKey: DevicePublicKey }>(
    `select id, public_key as "publicKey" from register_devices where register_id = $1`,
    [registerId],
  );
  return new Map(rows.map((r) => [r.id, r.publicKey]));
}

/** A staff member who may sign in at registers of a store. */
export interface CashierRow {
  staffId: string;
  staffNumber: string;
  name: string;
  role: Role;
  storeId: string | null;
  pinHash: string;
}

const CASHIER_COLUMNS = `u.id as "staffId", c.staff_number as "staffNumber", u.name, u.role,
  u.store_id as "storeId", c.pin_hash as "pinHash"`;

/** Active staff with a PIN who may work at the store: its own staff and company-wide staff. */
export async function listCashiersOfStore(q: Queryable, storeId: string): Promise<CashierRow[]> {
  return q.query<CashierRow>(
    `select ${CASHIER_COLUMNS}
       from register_cashiers c join staff_users u on u.id = c.staff_user_id
      where u.is_active and (u.store_id = $1 or u.store_id is null)
      order by c.staff_number`,
    [storeId],
  );
}

export async function findCashierByNumber(
  q: Queryable,
  companyId: string,
  staffNumber: string,
): Promise<CashierRow | undefined> {
  const [row] = await q.query<CashierRow>(
    `select ${CASHIER_COLUMNS}
       from register_cashiers c join staff_users u on u.id = c.staff_user_id
      where c.company_id = $1 and c.staff_number = $2 and u.is_active`,
    [companyId, staffNumber],
  );
  return row;
}

export async function countPinFailures(q: Queryable, key: string, since: Date): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    'select count(*)::integer as n from register_pin_failures where throttle_key = $1 and failed_at > $2',
    [key, since],
  );
  return row?.n ?? 0;
}

export async function recordPinFailure(q: Queryable, key: string, at: Date): Promise<void> {
  await q.query('insert into register_pin_failures (throttle_key, failed_at) values ($1, $2)', [key, at]);
}

export async function clearPinFailures(q: Queryable, key: string): Promise<void> {
  await q.query('delete from register_pin_failures where throttle_key = $1', [key]);
}

const SETTINGS_DEFAULTS: RegisterSettings = {
  printerHost: null,
  printerPort: null,
  controlUnitSerial: null,
  isTrainingAllowed: true,
  idleLockMinutes: 5,
};

/** The register's settings, or the defaults when none were saved. */
export async function findSettings(q: Queryable, registerId: string): Promise<RegisterSettings> {
  const [row] = await q.query<RegisterSettings>(
    `select printer_host as "printerHost", printer_port as "printerPort",
            control_unit_serial as "controlUnitSerial", is_training_allowed as "isTrainingAllowed",
            idle_lock_minutes as "idleLockMinutes"
       from register_settings where register_id = $1`,
    [registerId],
  );
  return row ?? SETTINGS_DEFAULTS;
}

export async function saveSettings(
  q: Queryable,
  registerId: string,
  s: RegisterSettings,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into register_settings
       (register_id, printer_host, printer_port, control_unit_serial, is_training_allowed, idle_lock_minutes, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (register_id) do update set printer_host = excluded.printer_host,
       printer_port = excluded.printer_port, control_unit_serial = excluded.control_unit_serial,
       is_training_allowed = excluded.is_training_allowed, idle_lock_minutes = excluded.idle_lock_minutes,
       updated_at = excluded.updated_at`,
    [
      registerId,
      s.printerHost,
      s.printerPort,
      s.controlUnitSerial,
      s.isTrainingAllowed,
      s.idleLockMinutes,
      at,
    ],
  );
}

/** An active staff member with a register number, by staff id. */
export async function findCashierById(q: Queryable, staffId: string): Promise<CashierRow | undefined> {
  const [row] = await q.query<CashierRow>(
    `select ${CASHIER_COLUMNS}
       from register_cashiers c join staff_users u on u.id = c.staff_user_id
      where u.id = $1 and u.is_active`,
    [staffId],
  );
  return row;
}
