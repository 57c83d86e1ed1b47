// Pickup settings (read by staff, edited by the store's managers and owners) and the public slot list.
import type {
  PickupLoad,
  PickupLoadQuery,
  PickupSettings,
  PickupSlotDay,
  PickupSlotsQuery,
  UpdatePickupSettingsBody,
} from '@handla/api';
import {
  addLocalDays,
  asapSlot,
  bookingWindow,
  checkPickupRules,
  DomainError,
  isCalendarDate,
  type OfferedSlot,
  offeredSlots,
  openDates,
  slotsOn,
} from '@handla/core';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import * as store from './pickup.store';

/** Who edits settings: owners anywhere, managers only for their own store. */
export interface SettingsEditor {
  id: string;
  role: 'owner' | 'manager';
  storeId: string | null;
}

const notFound = (storeId: string) =>
  new DomainError('not_found', `No store ${storeId}.`, [{ field: 'storeId', message: 'Unknown store' }]);

function toSettings({ timeZone: _, ...settings }: store.SettingsRow): PickupSettings {
  return settings;
}

async function requireSettings(ctx: AppContext, storeId: string) {
  const settings = await store.findSettings(ctx.db, storeId);
  if (!settings) throw notFound(storeId);
  return settings;
}

/** The store's pickup settings; version 0 (and pickup off) when none were saved. */
export async function getPickupSettings(ctx: AppContext, storeId: string): Promise<PickupSettings> {
  return toSettings(await requireSettings(ctx, storeId));
}

// A closed day has no hours, whatever the form sent along.
function normalized(body: UpdatePickupSettingsBody): store.SettingsValues {
  const { version: _, ...values } = body;
  return {
    ...values,
    exceptions: body.exceptions.map((e) => (e.closed ? { ...e, opens: null, closes: null } : e)),
  };
}

/**
 * Saves the store's settings if `version` is current (else `version_conflict`), after the checks a
 * schema cannot make (field errors such as `weeklyHours[2].closes`). Emits `pickup_settings.updated`.
 */
export async function updatePickupSettings(
  ctx: AppContext,
  editor: SettingsEditor,
  storeId: string,
  body: UpdatePickupSettingsBody,
): Promise<PickupSettings> {
  if (editor.role !== 'owner' && editor.storeId !== storeId) {
    throw new DomainError('forbidden', 'Managers edit the pickup times of their own store only.');
  }
  const errors = checkPickupRules(body);
  if (errors.length > 0) {
    throw new DomainError('validation_failed', 'Check the pickup hours and exceptions.', errors);
  }
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await store.findSettings(tx, storeId);
    if (!current) throw notFound(storeId);
    const version = await store.saveSettings(tx, storeId, body.version, normalized(body), editor.id, now);
    if (version === null) {
      const latest = (await store.findSettings(tx, storeId))!;
      throw new DomainError(
        'version_conflict',
        `The pickup settings are at version ${latest.version}, you sent ${body.version}; reload them and try again.`,
        [{ field: 'version', message: `Current version is ${latest.version}` }],
      );
    }
    const saved = toSettings((await store.findSettings(tx, storeId))!);
    await emitEvent(
      tx,
      {
        type: 'pickup_settings.updated',
        aggregateType: 'pickup_settings',
        aggregateId: storeId,
        storeId,
        data: { ...saved },
      },
      now,
    );
    return saved;
  });
}

function toSlot(slot: OfferedSlot) {
  return {
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    localStart: slot.localStart,
    localEnd: slot.localEnd,
    remainingOrders: slot.remainingOrders,
    remainingItems: slot.remainingItems,
  };
}

/** The free slots of a date (default: the first date with one), asap, and the dates worth offering. */
export async function listPickupSlots(
  ctx: AppContext,
  storeId: string,
  query: PickupSlotsQuery,
): Promise<PickupSlotDay> {
  if (query.date !== undefined && !isCalendarDate(query.date)) {
    throw new DomainError('validation_failed', `${query.date} is not a date.`, [
      { field: 'date', message: 'Not a calendar date' },
    ]);
  }
  const now = ctx.clock();
  const found = await store.findSettingsWithLoad(ctx.db, storeId, now);
  if (!found) throw notFound(storeId);
  const { settings, load } = found;
  const { timeZone } = settings;
  const window = bookingWindow(settings, timeZone, now);
  const input = { timeZone, now, load, items: query.items };
  const dates = openDates(settings, input);
  const date = query.date ?? dates[0] ?? window.today;
  const asap = asapSlot(settings, input);
  return {
    storeId,
    date,
    timeZone,
    asap: asap && toSlot(asap),
    slots: offeredSlots(settings, { ...input, date }).map(toSlot),
    openDates: dates,
    payInStoreAllowed: settings.payInStoreAllowed,
  };
}

/** Every slot of `days` dates from `date`, full and past ones included, with what is booked (staff preview). */
export async function getPickupLoad(
  ctx: AppContext,
  storeId: string,
  query: PickupLoadQuery,
): Promise<PickupLoad> {
  if (!isCalendarDate(query.date)) {
    throw new DomainError('validation_failed', `${query.date} is not a date.`, [
      { field: 'date', message: 'Not a calendar date' },
    ]);
  }
  const settings = await requireSettings(ctx, storeId);
  const dates = Array.from({ length: query.days }, (_, i) => addLocalDays(query.date, i));
  const days = dates.map((date) => ({ date, slots: slotsOn(settings, date, settings.timeZone) }));
  const all = days.flatMap((d) => d.slots);
  const load =
    all.length === 0
      ? new Map()
      : await store.loadBetween(
          ctx.db,
          storeId,
          all[0]!.startsAt,
          new Date(all.at(-1)!.startsAt.getTime() + 1),
        );
  return {
    storeId,
    timeZone: settings.timeZone,
    days: days.map(({ date, slots }) => ({
      date,
      slots: slots.map((slot) => ({
        startsAt: slot.startsAt.toISOString(),
        endsAt: slot.endsAt.toISOString(),
        localStart: slot.localStart,
        localEnd: slot.localEnd,
        bookedOrders: load.get(slot.startsAt.getTime())?.orders ?? 0,
        bookedItems: load.get(slot.startsAt.getTime())?.items ?? 0,
        capacityOrders: settings.capacityOrders,
        capacityItems: settings.capacityItems,
      })),
    })),
  };
}
