// Names for the SKU ids that stock rows carry. The stock contract names SKUs by id only; the
// directory asks the catalog for the ids on screen in batches (GET /api/skus?ids=…) and remembers
// them, together with what searches and scans answered.
import type { LocalizedText, SkuSummary } from '@handla/api';

/** What the stock screens show of a SKU. */
export interface SkuInfo {
  id: string;
  sku: string;
  ean: string | null;
  name: LocalizedText;
  options: Record<string, string>;
  isBundle: boolean;
}

/** Names up to BATCH SKUs by id; unknown ids are absent from the answer. */
export type SkuLoader = (ids: readonly string[]) => Promise<{ items: SkuSummary[] }>;

// The catalog answers at most 200 ids per call.
const BATCH = 200;

export class SkuDirectory {
  private readonly known = new Map<string, SkuInfo>();
  private readonly missing = new Set<string>();
  private readonly wanted = new Set<string>();
  private running = false;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly loadSkus: SkuLoader) {}

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

  /** True when the catalog was asked and has no SKU with this id. */
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
    try {
      for (
        let batch = this.unresolved().slice(0, BATCH);
        batch.length > 0;
        batch = this.unresolved().slice(0, BATCH)
      ) {
        const { items } = await this.loadSkus(batch);
        this.remember(items);
        for (const id of batch) {
          this.wanted.delete(id);
          if (!this.known.has(id)) this.missing.add(id);
        }
      }
    } catch {
      // Unreadable now (offline, signed out): the rows show ids, and the next want() tries again.
    } finally {
      this.wanted.clear();
      this.running = false;
      this.changed();
    }
  }
}
