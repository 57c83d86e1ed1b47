// Ids for seeded rows: prefixed like every id in Handla, made by whoever seeds (injected), so tests
// get the same ids on every run.

/** The id prefix of each seeded table. */
export const SEED_ID_PREFIX = {
  company: 'cmp',
  store: 'sto',
  location: 'loc',
  register: 'reg',
  staff: 'stf',
  category: 'cat',
  product: 'prd',
  sku: 'sku',
  priceList: 'prl',
  movement: 'mov',
} as const;

/** Makes a new id with the given prefix, e.g. `sku` → `sku_seed0001`. */
export type SeedIdMaker = (prefix: string) => string;

/** A deterministic id maker: one counter per prefix, `cmp_seed0001`, `cmp_seed0002`, `sto_seed0001`, … */
export function createSeedIdMaker(): SeedIdMaker {
  const counters = new Map<string, number>();
  return (prefix) => {
    const next = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, next);
    return `${prefix}_seed${String(next).padStart(4, '0')}`;
  };
}
