// The variant picker's rules: which options a product has, which values exist, which SKU a choice is.
import type { Sku } from '@handla/api';

/** One option of a product ("Färg") with its values in catalog order. */
export interface OptionAxis {
  name: string;
  values: string[];
}

/** The options of a product's SKUs, in the order they first appear. */
export function optionAxes(skus: readonly Sku[]): OptionAxis[] {
  const axes: OptionAxis[] = [];
  for (const sku of skus) {
    for (const [name, value] of Object.entries(sku.options)) {
      let axis = axes.find((a) => a.name === name);
      if (!axis) {
        axis = { name, values: [] };
        axes.push(axis);
      }
      if (!axis.values.includes(value)) axis.values.push(value);
    }
  }
  return axes;
}

/** The SKU matching every chosen value, or undefined while the choice is incomplete. */
export function skuForSelection(skus: readonly Sku[], selection: Record<string, string>): Sku | undefined {
  const axes = optionAxes(skus);
  if (axes.some((a) => selection[a.name] === undefined)) return skus.length === 1 ? skus[0] : undefined;
  return skus.find((sku) => axes.every((a) => sku.options[a.name] === selection[a.name]));
}

/** Whether choosing `value` for `axis`, keeping the other choices, names an existing SKU. */
export function valueExists(
  skus: readonly Sku[],
  selection: Record<string, string>,
  axis: string,
  value: string,
): boolean {
  const wanted = { ...selection, [axis]: value };
  return skus.some((sku) =>
    Object.entries(wanted).every(
      ([name, chosen]) => sku.options[name] === undefined || sku.options[name] === chosen,
    ),
  );
}

/** The starting choice: the first SKU's values, so the page shows a price and stock at once. */
export function initialSelection(skus: readonly Sku[]): Record<string, string> {
  return { ...(skus[0]?.options ?? {}) };
}
