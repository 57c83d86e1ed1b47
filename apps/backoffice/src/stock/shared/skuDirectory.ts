// Names for the SKU ids that stock rows carry. The stock contract names SKUs by id only and the
// catalog has no look-up by id, so the directory reads the catalog's product pages once, on demand,
// until every id asked for is known; search and scan answers are remembered on the way.
import type { CatalogProduct, LocalizedText, SkuSummary } from '@handla/api';

/** What the stock screens show of a SKU. */
export interface SkuInfo {
  id: string;
  sku: string;
  ean: string | null;
  name: LocalizedText;
  options: Record<string, string>;
  isBundle: boolean;
}

/** Reads one page of the catalog; the directory passes back the cursor of the page before. */
export type CatalogPageLoader = (
  cursor: string | undefined,
) => Promise<{ items: CatalogProduct[]; nextCursor: string | null }>;

export class SkuDirectory {
  private readonly known = new Map<string, SkuInfo>();
  private readonly missing = new Set<string>();
  private readonly wanted = new Set<string>();
  // undefined: the next page is the first; null: the last page has been read.
  private cursor: string | null | undefined = undefined;
  private running = false;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly loadPage: CatalogPageLoader) {}

  /** For useSyncExternalStore: called whenever names arrive. */
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** For useSyncExternalStore: changes whenever names arrive. */
  readonly snapshot = () => this.version;

  /** The SKU, when known. */
  get(id: string): SkuInfo | undefined {
    return this.known.get(id);
  }

  /** True when the whole catalog was read and has no SKU with this id. */
  isMissing(id: string): boolean {
    return this.missing.has(id);
  }

  /** Keeps SKUs a search or a scan answered with. */
  remember(items: readonly (SkuSummary | SkuInfo)[]): void {
    for (const item of items) {
      this.known.set(item.id, {
        id: item.id,
        sku: item.sku,
        ean: item.ean,
        name: item.name,
        options: item.options,
        isBundle: item.isBundle,
      });
    }
    this.changed();
  }

  /** Asks for names of these ids; subscribers hear when they arrive. */
  want(ids: readonly string[]): void {
    let isNew = false;
    for (const id of ids) {
      if (this.known.has(id) || this.missing.has(id) || this.wanted.has(id)) continue;
      this.wanted.add(id);
      isNew = true;
    }
    if (isNew) void this.run();
  }

  private changed() {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  private unresolved(): string[] {
    return [...this.wanted].filter((id) => !this.known.has(id));
  }

  private async run() {
    if (this.running) return;
    this.running = true;
    // A SKU created after the last full read needs one more pass from the start.
    let hasReadFromStart = false;
    try {
      while (this.unresolved().length > 0) {
        if (this.cursor === null) {
          if (hasReadFromStart) break;
          this.cursor = undefined;
        }
        if (this.cursor === undefined) hasReadFromStart = true;
        const page = await this.loadPage(this.cursor);
        for (const product of page.items) {
          for (const sku of product.skus) {
            this.known.set(sku.id, {
              id: sku.id,
              sku: sku.sku,
              ean: sku.ean,
              name: product.name,
              options: sku.options,
              isBundle: product.isBundle,
            });
          }
        }
        this.cursor = page.nextCursor;
        this.changed();
      }
      for (const id of this.unresolved()) this.missing.add(id);
    } catch {
      // Unreadable now (offline, signed out): the rows show ids, and the next want() tries again.
    } finally {
      this.wanted.clear();
      this.running = false;
      this.changed();
    }
  }
}
