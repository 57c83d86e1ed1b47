// The shape checks every promotion rule passes before it is stored, shared by the server and the
// back office's form. A rule that could take a basket below zero is refused here, naming the field.
import type { FieldProblem } from '../register/discounts';
import type { PromotionEffect, PromotionTarget } from './types';

const MAX_AMOUNT = 100_000_000_000;

function positive(value: number, field: string, problems: FieldProblem[], max = MAX_AMOUNT): boolean {
  if (!Number.isSafeInteger(value) || value <= 0 || value > max) {
    problems.push({ field, message: `Must be a whole number from 1 to ${max}` });
    return false;
  }
  return true;
}

function checkTarget(target: PromotionTarget, field: string, problems: FieldProblem[]) {
  if (target.kind === 'all' && target.ids.length > 0)
    problems.push({ field: `${field}.ids`, message: 'Must be empty for the whole basket' });
  if (target.kind !== 'all' && target.ids.length === 0)
    problems.push({ field: `${field}.ids`, message: 'Name at least one' });
}

/** Problems with an effect's own fields (empty when it is fine), fields under `field`. */
export function checkPromotionEffect(effect: PromotionEffect, field = 'effect'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  switch (effect.type) {
    case 'percent_off':
      checkTarget(effect.target, `${field}.target`, problems);
      positive(effect.percentBp, `${field}.percentBp`, problems, 10_000);
      break;
    case 'amount_off':
      checkTarget(effect.target, `${field}.target`, problems);
      positive(effect.amount, `${field}.amount`, problems);
      break;
    case 'x_for_y':
      checkTarget(effect.target, `${field}.target`, problems);
      if (positive(effect.buy, `${field}.buy`, problems, 1000) && effect.buy < 2)
        problems.push({ field: `${field}.buy`, message: 'Must be at least 2' });
      if (positive(effect.pay, `${field}.pay`, problems, 1000) && effect.pay >= effect.buy)
        problems.push({ field: `${field}.pay`, message: 'Must be less than buy' });
      break;
    case 'mix_match':
      checkTarget(effect.target, `${field}.target`, problems);
      if (positive(effect.quantity, `${field}.quantity`, problems, 1000) && effect.quantity < 2)
        problems.push({ field: `${field}.quantity`, message: 'Must be at least 2' });
      positive(effect.price, `${field}.price`, problems);
      break;
    case 'bundle': {
      if (effect.components.length === 0)
        problems.push({ field: `${field}.components`, message: 'Name at least one component' });
      effect.components.forEach((c, i) => {
        checkTarget(c.target, `${field}.components[${i}].target`, problems);
        positive(c.quantity, `${field}.components[${i}].quantity`, problems, 1000);
      });
      if (effect.components.reduce((sum, c) => sum + c.quantity, 0) < 2)
        problems.push({ field: `${field}.components`, message: 'A bundle is at least two units' });
      positive(effect.price, `${field}.price`, problems);
      break;
    }
    case 'spend_threshold':
      checkTarget(effect.target, `${field}.target`, problems);
      positive(effect.minSpend, `${field}.minSpend`, problems);
      if ((effect.amountOff === undefined) === (effect.percentBp === undefined)) {
        problems.push({ field: `${field}.amountOff`, message: 'Give either amountOff or percentBp' });
      } else if (effect.amountOff !== undefined) {
        // Saving more than the least one must spend would give a basket a negative total.
        if (positive(effect.amountOff, `${field}.amountOff`, problems) && effect.amountOff > effect.minSpend)
          problems.push({
            field: `${field}.amountOff`,
            message: 'Cannot exceed minSpend: a basket at the threshold would get a negative total',
          });
      } else {
        positive(effect.percentBp ?? 0, `${field}.percentBp`, problems, 10_000);
      }
      break;
  }
  return problems;
}

/** Problems with a rule's window: it must end after it starts. */
export function checkPromotionWindow(startsAt: string | null, endsAt: string | null): FieldProblem[] {
  if (startsAt !== null && endsAt !== null && Date.parse(endsAt) <= Date.parse(startsAt))
    return [{ field: 'endsAt', message: 'Must be after startsAt' }];
  return [];
}
