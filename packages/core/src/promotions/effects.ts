// What each effect would take off, per line, given which units are still free for a non-stackable
// rule. Group effects (X for Y, mix & match, bundles) work on single units, most expensive first,
// so a customer always gets the larger discount from a grouping; the discount lands on the lines
// whose units it came from, so it is taxed at their VAT rate.
import { allocateMoney, money } from '../money/money';
import { discountAmountOf } from '../register/discounts';
import { targetMatches } from './applicability';
import type { BasketLine, PromotionEffect, PromotionTarget } from './types';

/** A line being priced; `index` is its place in the canonical order. */
export interface WorkLine {
  readonly line: BasketLine;
  readonly index: number;
  /** What is left of the line after the discounts so far. */
  remaining: number;
  /** Units no non-stackable item rule has taken yet. */
  freeQuantity: number;
}

/** Per line (by work index): the money a rule takes off and the units it takes. */
export interface Proposal {
  readonly amounts: number[];
  readonly claims: number[];
}

interface Unit {
  readonly index: number;
  readonly price: number;
}

/** `percentBp` of `base`, rounded half up to the öre (as the register rounds manual discounts). */
export function percentOf(base: number, percentBp: number): number {
  return discountAmountOf({ kind: 'percent', value: percentBp, reason: '' }, base);
}

function available(work: WorkLine, isStackable: boolean): number {
  return isStackable ? work.line.quantity : work.freeQuantity;
}

/** The units of the target open to the rule, most expensive first; ties in canonical line order. */
function unitsOf(lines: readonly WorkLine[], target: PromotionTarget, isStackable: boolean): Unit[] {
  const units: Unit[] = [];
  for (const work of lines) {
    if (!targetMatches(target, work.line)) continue;
    for (let n = available(work, isStackable); n > 0; n--)
      units.push({ index: work.index, price: work.line.unitPriceInclVat });
  }
  // Lines are already in canonical order (price descending first), so this is a stable no-op
  // unless prices tie across lines; sort anyway so the rule does not depend on the caller.
  return units.sort((a, b) => b.price - a.price || a.index - b.index);
}

/** Shares `amount` over units in proportion to their prices and books it on their lines. */
function spread(amount: number, units: readonly Unit[], proposal: Proposal, currency: string) {
  const shares = allocateMoney(
    money(amount, currency),
    units.map((u) => u.price),
  );
  units.forEach((u, k) => {
    proposal.amounts[u.index]! += shares[k]!.amount;
    proposal.claims[u.index]! += 1;
  });
}

function perLine(
  lines: readonly WorkLine[],
  target: PromotionTarget,
  isStackable: boolean,
  proposal: Proposal,
  amountFor: (work: WorkLine, quantity: number) => number,
) {
  for (const work of lines) {
    const quantity = available(work, isStackable);
    if (quantity <= 0 || !targetMatches(target, work.line)) continue;
    const amount = amountFor(work, quantity);
    if (amount <= 0) continue;
    proposal.amounts[work.index]! += amount;
    proposal.claims[work.index]! += quantity;
  }
}

/** What an item-level effect would take off `lines` (all of the basket, in canonical order). */
export function proposeItemEffect(
  effect: Exclude<PromotionEffect, { type: 'spend_threshold' }>,
  lines: readonly WorkLine[],
  isStackable: boolean,
  currency: string,
): Proposal {
  const proposal: Proposal = { amounts: lines.map(() => 0), claims: lines.map(() => 0) };
  switch (effect.type) {
    case 'percent_off':
      // Stacked, it takes its share of what is left; alone, of the free units' price.
      perLine(lines, effect.target, isStackable, proposal, (work, quantity) =>
        percentOf(isStackable ? work.remaining : work.line.unitPriceInclVat * quantity, effect.percentBp),
      );
      break;
    case 'amount_off':
      perLine(
        lines,
        effect.target,
        isStackable,
        proposal,
        (work, quantity) => Math.min(effect.amount, work.line.unitPriceInclVat) * quantity,
      );
      break;
    case 'x_for_y': {
      const units = unitsOf(lines, effect.target, isStackable);
      const groups = Math.floor(units.length / effect.buy);
      for (let g = 0; g < groups; g++) {
        const group = units.slice(g * effect.buy, (g + 1) * effect.buy);
        group.forEach((u, k) => {
          // The last `buy − pay` of a group sorted by price are its cheapest: those are free.
          if (k >= effect.pay) proposal.amounts[u.index]! += u.price;
          proposal.claims[u.index]! += 1;
        });
      }
      break;
    }
    case 'mix_match': {
      const units = unitsOf(lines, effect.target, isStackable);
      for (let start = 0; start + effect.quantity <= units.length; start += effect.quantity) {
        const group = units.slice(start, start + effect.quantity);
        const sum = group.reduce((s, u) => s + u.price, 0);
        // Groups only get cheaper further down the list: once one saves nothing, none will.
        if (sum <= effect.price) break;
        spread(sum - effect.price, group, proposal, currency);
      }
      break;
    }
    case 'bundle':
      proposeBundles(effect, lines, isStackable, proposal, currency);
      break;
  }
  return proposal;
}

function proposeBundles(
  effect: Extract<PromotionEffect, { type: 'bundle' }>,
  lines: readonly WorkLine[],
  isStackable: boolean,
  proposal: Proposal,
  currency: string,
) {
  const left = lines.map((work) => available(work, isStackable));
  for (;;) {
    const taken = [...left];
    const bundle: Unit[] = [];
    for (const component of effect.components) {
      let needed = component.quantity;
      for (const work of lines) {
        if (needed === 0) break;
        if (!targetMatches(component.target, work.line)) continue;
        const take = Math.min(needed, taken[work.index]!);
        taken[work.index]! -= take;
        needed -= take;
        for (let n = 0; n < take; n++) bundle.push({ index: work.index, price: work.line.unitPriceInclVat });
      }
      if (needed > 0) return;
    }
    const sum = bundle.reduce((s, u) => s + u.price, 0);
    if (sum <= effect.price) return;
    spread(sum - effect.price, bundle, proposal, currency);
    taken.forEach((n, i) => {
      left[i] = n;
    });
  }
}
