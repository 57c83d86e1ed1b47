// The rule form's values as typed (text for amounts and ids) and their conversion to the API's
// rule body and back; amounts are typed in kronor and sent in öre.
import type { CreatePromotionBody, Promotion, PromotionEffectDto } from '@handla/api';
import { parsePriceInput, priceInputText } from '../catalog/shared/money';

export type EffectType = PromotionEffectDto['type'];
export type TargetKind = 'all' | 'product' | 'category' | 'brand';
export const EFFECT_TYPES: readonly EffectType[] = [
  'percent_off',
  'amount_off',
  'x_for_y',
  'mix_match',
  'bundle',
  'spend_threshold',
];
export const TARGET_KINDS: readonly TargetKind[] = ['all', 'product', 'category', 'brand'];

export interface RuleFormValues {
  name: string;
  type: EffectType;
  targetKind: TargetKind;
  targetIds: string;
  secondKind: TargetKind;
  secondIds: string;
  percent: string;
  amount: string;
  buy: string;
  pay: string;
  quantity: string;
  price: string;
  minSpend: string;
  priority: string;
  isExclusive: boolean;
  isStackable: boolean;
  /** `datetime-local` text in the browser's time zone, or ''. */
  startsAt: string;
  endsAt: string;
  web: boolean;
  store: boolean;
  membersOnly: boolean;
  /** Group codes (the built-in `company` / `consumer` too); empty: every customer. */
  customerGroups: string[];
  requiresCoupon: boolean;
}

export const EMPTY_RULE: RuleFormValues = {
  name: '',
  type: 'x_for_y',
  targetKind: 'category',
  targetIds: '',
  secondKind: 'product',
  secondIds: '',
  percent: '10',
  amount: '',
  buy: '3',
  pay: '2',
  quantity: '3',
  price: '',
  minSpend: '',
  priority: '0',
  isExclusive: false,
  isStackable: false,
  startsAt: '',
  endsAt: '',
  web: true,
  store: true,
  membersOnly: false,
  customerGroups: [],
  requiresCoupon: false,
};

const CURRENCY = 'SEK';
const ids = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const target = (kind: TargetKind, text: string) => ({ kind, ids: kind === 'all' ? [] : ids(text) });
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);
const kronor = (text: string) => parsePriceInput(text, CURRENCY) ?? Number.NaN;
// Percent typed as "12,5" becomes 1250 basis points.
const percentBp = (text: string) => Math.round(Number(text.replace(',', '.')) * 100);

/** The effect the values describe; numbers that do not parse become NaN for the checks to name. */
export function effectOf(v: RuleFormValues): PromotionEffectDto {
  const t = target(v.targetKind, v.targetIds);
  switch (v.type) {
    case 'percent_off':
      return { type: 'percent_off', target: t, percentBp: percentBp(v.percent) };
    case 'amount_off':
      return { type: 'amount_off', target: t, amount: kronor(v.amount) };
    case 'x_for_y':
      return { type: 'x_for_y', target: t, buy: whole(v.buy), pay: whole(v.pay) };
    case 'mix_match':
      return { type: 'mix_match', target: t, quantity: whole(v.quantity), price: kronor(v.price) };
    case 'bundle':
      return {
        type: 'bundle',
        components: [
          { target: t, quantity: 1 },
          { target: target(v.secondKind, v.secondIds), quantity: 1 },
        ],
        price: kronor(v.price),
      };
    case 'spend_threshold':
      return v.amount.trim()
        ? { type: 'spend_threshold', target: t, minSpend: kronor(v.minSpend), amountOff: kronor(v.amount) }
        : {
            type: 'spend_threshold',
            target: t,
            minSpend: kronor(v.minSpend),
            percentBp: percentBp(v.percent),
          };
  }
}

const toInstant = (local: string) => (local ? new Date(local).toISOString() : null);
const toLocal = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** The body to create (or, with a version, change) the rule. */
export function bodyOf(v: RuleFormValues): CreatePromotionBody {
  return {
    name: v.name.trim(),
    effect: effectOf(v),
    priority: Number.parseInt(v.priority, 10) || 0,
    isExclusive: v.isExclusive,
    isStackable: v.isStackable,
    startsAt: toInstant(v.startsAt),
    endsAt: toInstant(v.endsAt),
    channels: [...(v.web ? (['web'] as const) : []), ...(v.store ? (['store'] as const) : [])],
    storeIds: null,
    membersOnly: v.membersOnly,
    customerGroups: v.customerGroups,
    requiresCoupon: v.requiresCoupon,
  };
}

/** The form values of a stored rule. */
export function valuesOf(p: Promotion): RuleFormValues {
  const e = p.effect;
  const first = e.type === 'bundle' ? e.components[0]!.target : e.target;
  const second = e.type === 'bundle' ? e.components[1]?.target : undefined;
  const money = (n: number | undefined) => (n === undefined ? '' : priceInputText(n, CURRENCY));
  return {
    ...EMPTY_RULE,
    name: p.name,
    type: e.type,
    targetKind: first.kind,
    targetIds: first.ids.join(', '),
    secondKind: second?.kind ?? 'product',
    secondIds: second?.ids.join(', ') ?? '',
    percent: 'percentBp' in e && e.percentBp !== undefined ? String(e.percentBp / 100) : EMPTY_RULE.percent,
    amount:
      e.type === 'amount_off' ? money(e.amount) : e.type === 'spend_threshold' ? money(e.amountOff) : '',
    buy: e.type === 'x_for_y' ? String(e.buy) : EMPTY_RULE.buy,
    pay: e.type === 'x_for_y' ? String(e.pay) : EMPTY_RULE.pay,
    quantity: e.type === 'mix_match' ? String(e.quantity) : EMPTY_RULE.quantity,
    price: e.type === 'mix_match' || e.type === 'bundle' ? money(e.price) : '',
    minSpend: e.type === 'spend_threshold' ? money(e.minSpend) : '',
    priority: String(p.priority),
    isExclusive: p.isExclusive,
    isStackable: p.isStackable,
    startsAt: toLocal(p.startsAt),
    endsAt: toLocal(p.endsAt),
    web: p.channels.includes('web'),
    store: p.channels.includes('store'),
    membersOnly: p.membersOnly,
    customerGroups: [...p.customerGroups],
    requiresCoupon: p.requiresCoupon,
  };
}
