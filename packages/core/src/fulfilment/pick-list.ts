// A pick list as the picker walks it: shelf by shelf, each SKU once with its summed quantity and
// the orders it goes to. SKUs without a shelf come last under "—".
/** The group of SKUs without a shelf at the location. */
export const NO_SHELF = '—';

/** One order line to pick. */
export interface PickLine {
  skuId: string;
  sku: string;
  name: string;
  quantity: number;
  orderNumber: number;
  shelf: string | null;
}

export interface PickItem {
  skuId: string;
  sku: string;
  name: string;
  quantity: number;
  orderNumbers: number[];
}

export interface PickShelf {
  shelf: string;
  items: PickItem[];
}

const collator = new Intl.Collator('sv', { numeric: true });

/** Lines grouped by shelf (natural order, "—" last), quantities summed per SKU, order numbers ascending. */
export function groupPickLines(lines: readonly PickLine[]): PickShelf[] {
  const shelves = new Map<string, Map<string, PickItem>>();
  for (const line of lines) {
    const shelf = line.shelf ?? NO_SHELF;
    const items = shelves.get(shelf) ?? new Map<string, PickItem>();
    shelves.set(shelf, items);
    const item = items.get(line.skuId) ?? {
      skuId: line.skuId,
      sku: line.sku,
      name: line.name,
      quantity: 0,
      orderNumbers: [],
    };
    item.quantity += line.quantity;
    if (!item.orderNumbers.includes(line.orderNumber)) item.orderNumbers.push(line.orderNumber);
    items.set(line.skuId, item);
  }
  return [...shelves.entries()]
    .sort(([a], [b]) => (a === NO_SHELF ? 1 : b === NO_SHELF ? -1 : collator.compare(a, b)))
    .map(([shelf, items]) => ({
      shelf,
      items: [...items.values()]
        .sort((a, b) => collator.compare(a.sku, b.sku))
        .map((item) => ({ ...item, orderNumbers: item.orderNumbers.sort((a, b) => a - b) })),
    }));
}
