// Demo Butik AB's organisation as data: who signs in, the two stores with their registers, and the
// four stock locations. Written by seedDemoData (./demo).
import type { OpeningHoursSeed, SeedLocationKind } from './builders';

/** Who can sign in to the demo (printed by the server at start; used by tests to sign in). */
export const DEMO_CREDENTIALS = [
  {
    role: 'owner',
    email: 'agare@demo.handla.se',
    password: 'demo-agare-2026',
    name: 'Anna Ägare',
    storeCode: null,
  },
  {
    role: 'manager',
    email: 'chef@demo.handla.se',
    password: 'demo-chef-2026',
    name: 'Maja Chef',
    storeCode: 'STHLM',
  },
  {
    role: 'cashier',
    email: 'kassa.sthlm@demo.handla.se',
    password: 'demo-kassa-2026',
    name: 'Kalle Kassa',
    storeCode: 'STHLM',
  },
  {
    role: 'cashier',
    email: 'kassa.gbg@demo.handla.se',
    password: 'demo-kassa-2026',
    name: 'Greta Kassa',
    storeCode: 'GBG',
  },
] as const;

/** Demo Butik AB's org number: 559999-999 plus its Luhn check digit 1 (559999-9999 would fail). */
export const DEMO_ORG_NUMBER = '559999-9991';

const weekdays = (opens: string, closes: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));

export const DEMO_STORES: readonly {
  code: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  openingHours: OpeningHoursSeed[];
  registers: string[];
}[] = [
  {
    code: 'STHLM',
    name: 'Demo Butik Stockholm',
    street: 'Drottninggatan 10',
    postalCode: '111 51',
    city: 'Stockholm',
    phone: '08-465 004 10', // from PTS's range of numbers reserved for fiction
    email: 'stockholm@demo.handla.se',
    openingHours: [
      ...weekdays('10:00', '19:00'),
      { weekday: 6, opens: '10:00', closes: '17:00' },
      { weekday: 7, opens: '11:00', closes: '16:00' },
    ],
    registers: ['KASSA-1', 'KASSA-2'],
  },
  {
    code: 'GBG',
    name: 'Demo Butik Göteborg',
    street: 'Kungsgatan 20',
    postalCode: '411 19',
    city: 'Göteborg',
    phone: '031-390 06 10',
    email: 'goteborg@demo.handla.se',
    openingHours: [
      ...weekdays('10:00', '18:00'),
      { weekday: 6, opens: '10:00', closes: '16:00' },
      { weekday: 7, opens: '12:00', closes: '16:00' },
    ],
    registers: ['KASSA-1'],
  },
];

export const DEMO_LOCATIONS: readonly {
  code: string;
  name: string;
  kind: SeedLocationKind;
  storeCode?: string;
}[] = [
  { code: 'STHLM-BUTIK', name: 'Butikslager Stockholm', kind: 'store', storeCode: 'STHLM' },
  { code: 'GBG-BUTIK', name: 'Butikslager Göteborg', kind: 'store', storeCode: 'GBG' },
  { code: 'CENTRAL', name: 'Centrallager', kind: 'warehouse' },
  { code: '3PL-BORAS', name: '3PL Lager (Borås)', kind: 'third_party' },
];
