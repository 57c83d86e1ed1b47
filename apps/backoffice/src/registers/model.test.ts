import type { RegisterSettings, RegisterSummary } from '@handla/api';
import { describe, expect, it } from 'vitest';
import {
  barPercentages,
  dayStart,
  groupByStore,
  monthToDate,
  previousMonth,
  receiptPeriod,
  serverFieldErrors,
  toSettingsBody,
  toSettingsDraft,
} from './model';
import { parseRegistersPath, registersHref } from './paths';

function register(id: string, code: string, storeCode: string): RegisterSummary {
  return {
    id,
    code,
    name: `Kassa ${code}`,
    storeId: `sto_${storeCode}`,
    storeCode,
    storeName: storeCode === 'GBG' ? 'Göteborg' : 'Stockholm',
    pairedAt: null,
  };
}

describe('groupByStore', () => {
  it('groups by store, stores and registers in code order', () => {
    const groups = groupByStore([
      register('reg_3', 'K2', 'STHLM'),
      register('reg_1', 'K1', 'GBG'),
      register('reg_2', 'K1', 'STHLM'),
    ]);
    expect(groups.map((g) => [g.storeCode, g.registers.map((r) => r.id)])).toEqual([
      ['GBG', ['reg_1']],
      ['STHLM', ['reg_2', 'reg_3']],
    ]);
  });

  it('is empty without registers', () => {
    expect(groupByStore([])).toEqual([]);
  });
});

const settings: RegisterSettings = {
  printerHost: '192.168.1.50',
  printerPort: 9100,
  controlUnitSerial: null,
  isTrainingAllowed: true,
  idleLockMinutes: 5,
};

describe('the settings draft', () => {
  it('round-trips unchanged settings', () => {
    expect(toSettingsBody(toSettingsDraft(settings))).toEqual({ body: settings });
  });

  it('sends empty fields as null and trims text', () => {
    const draft = {
      ...toSettingsDraft(settings),
      printerHost: '  ',
      printerPort: '',
      controlUnitSerial: ' CU-1 ',
    };
    expect(toSettingsBody(draft)).toEqual({
      body: { ...settings, printerHost: null, printerPort: null, controlUnitSerial: 'CU-1' },
    });
  });

  it('names each bad field', () => {
    const draft = {
      ...toSettingsDraft(settings),
      printerHost: 'printer one',
      printerPort: '70000',
      idleLockMinutes: '1.5',
    };
    expect(toSettingsBody(draft)).toEqual({
      errors: {
        printerHost: 'registersAdmin.settings.invalidHost',
        printerPort: 'registersAdmin.settings.invalidPort',
        idleLockMinutes: 'registersAdmin.settings.invalidMinutes',
      },
    });
  });

  it('rejects an empty idle lock and port 0', () => {
    const result = toSettingsBody({ ...toSettingsDraft(settings), printerPort: '0', idleLockMinutes: '' });
    expect(result).toEqual({
      errors: {
        printerPort: 'registersAdmin.settings.invalidPort',
        idleLockMinutes: 'registersAdmin.settings.invalidMinutes',
      },
    });
  });

  it('keeps the first server message per field', () => {
    expect(
      serverFieldErrors([
        { field: 'printerHost', message: 'A host name or IP address' },
        { field: 'printerHost', message: 'Too long' },
      ]),
    ).toEqual({ printerHost: 'A host name or IP address' });
  });
});

describe('receiptPeriod', () => {
  it('covers the whole last day', () => {
    const period = receiptPeriod('2026-11-01', '2026-11-01');
    expect(period.from).toBe(dayStart('2026-11-01').toISOString());
    expect(period.to).toBe(dayStart('2026-11-02').toISOString());
  });

  it('leaves empty ends open', () => {
    expect(receiptPeriod('', '')).toEqual({});
    expect(Object.keys(receiptPeriod('', '2026-12-31'))).toEqual(['to']);
  });

  it('crosses a month end', () => {
    expect(receiptPeriod('2026-01-31', '2026-01-31').to).toBe(dayStart('2026-02-01').toISOString());
  });
});

describe('previousMonth', () => {
  it('is the whole month before, across a year end', () => {
    expect(previousMonth(new Date(2026, 0, 15))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousMonth(new Date(2026, 2, 1))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});

describe('the registers paths', () => {
  it('reads the list, a register and its tab', () => {
    expect(parseRegistersPath('')).toEqual({ registerId: null, tab: 'pairing' });
    expect(parseRegistersPath('/reg_1')).toEqual({ registerId: 'reg_1', tab: 'pairing' });
    expect(parseRegistersPath('/reg_1/receipts')).toEqual({ registerId: 'reg_1', tab: 'receipts' });
    expect(parseRegistersPath('/reg_1/nonsense')).toEqual({ registerId: 'reg_1', tab: 'pairing' });
  });

  it('round-trips through the link', () => {
    const href = registersHref('reg 1/x', 'journal');
    expect(parseRegistersPath(href.replace('#/registers', ''))).toEqual({
      registerId: 'reg 1/x',
      tab: 'journal',
    });
    expect(registersHref()).toBe('#/registers');
  });
});

describe('barPercentages', () => {
  it('scales to the largest value and draws no negative bars', () => {
    expect(barPercentages([200, 100, -50, 0])).toEqual([100, 50, 0, 0]);
    expect(barPercentages([1, 3])).toEqual([33.3, 100]);
  });

  it('is all zero when nothing sold', () => {
    expect(barPercentages([0, -10])).toEqual([0, 0]);
    expect(barPercentages([])).toEqual([]);
  });
});

describe('monthToDate', () => {
  it('starts on the first of the month', () => {
    expect(monthToDate(new Date(2026, 10, 23))).toEqual({ from: '2026-11-01', to: '2026-11-23' });
  });
});
