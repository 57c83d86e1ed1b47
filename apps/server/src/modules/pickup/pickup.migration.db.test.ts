// A data directory from before pickup existed: the migration gives its stores pickup on their
// opening hours, so `npm start` on an old database offers slots without a manager's first save.
import { insertCompany, insertStore, loadMigrations, migrate, openPgliteDatabase } from '@handla/db';
import { expect, it } from 'vitest';

it('gives stores that existed before migration 0006 default pickup settings on their opening hours', async () => {
  const db = await openPgliteDatabase();
  try {
    const all = loadMigrations();
    await migrate(
      db,
      all.filter((m) => m.version < 6),
    );
    await insertCompany(db, {
      id: 'cmp_old',
      name: 'Gamla Butiken AB',
      orgNumber: '556677-8899',
      vatNumber: 'SE556677889901',
      country: 'SE',
      currency: 'SEK',
      timeZone: 'Europe/Stockholm',
      createdAt: new Date('2025-01-01T00:00:00Z'),
    });
    const openingHours = [{ weekday: 1, opens: '09:00', closes: '17:00' }];
    await insertStore(db, { id: 'sto_old', companyId: 'cmp_old', code: 'OLD', openingHours });
    await migrate(db, all);
    const [row] = await db.query<Record<string, unknown>>(
      `select enabled, lead_time_minutes, slot_minutes, capacity_orders, capacity_items, weekly_hours, version
         from pickup_settings where store_id = 'sto_old'`,
    );
    expect(row).toEqual({
      enabled: true,
      lead_time_minutes: 30,
      slot_minutes: 15,
      capacity_orders: 6,
      capacity_items: 40,
      weekly_hours: openingHours,
      version: 1,
    });
  } finally {
    await db.close();
  }
});
