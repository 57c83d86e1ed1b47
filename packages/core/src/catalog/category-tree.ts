// The category tree: categories point at their parent; these keep it a tree (no cycles) and read it
// as one (paths for breadcrumbs, nesting for menus, descendants for "everything under Kläder").

/** The part of a category the tree rules need. */
export interface CategoryLink {
  id: string;
  parentId: string | null;
}

/** A category with its children, recursively. */
export type CategoryNode<T extends CategoryLink> = T & { children: CategoryNode<T>[] };

function parentMap(categories: readonly CategoryLink[]): Map<string, string | null> {
  return new Map(categories.map((c) => [c.id, c.parentId]));
}

/**
 * True when giving `id` the parent `newParentId` would make a cycle: the new parent is the
 * category itself or one of its descendants.
 */
export function wouldCreateCycle(
  categories: readonly CategoryLink[],
  id: string,
  newParentId: string | null,
): boolean {
  const parents = parentMap(categories);
  const seen = new Set<string>();
  for (let at = newParentId; at !== null && at !== undefined; at = parents.get(at) ?? null) {
    if (at === id) return true;
    // A cycle that is already there (it should not be) must not loop forever.
    if (seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

/** The categories from the root down to `id` itself; empty when `id` is unknown. */
export function categoryPath<T extends CategoryLink>(categories: readonly T[], id: string): T[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const path: T[] = [];
  for (let at = byId.get(id); at !== undefined; at = at.parentId ? byId.get(at.parentId) : undefined) {
    if (path.includes(at)) throw new Error(`The category tree has a cycle through ${at.id}`);
    path.unshift(at);
  }
  return path;
}

/**
 * Nests the categories under their parents, keeping the given order among siblings; a category
 * whose parent is not in the list becomes a root.
 */
export function buildCategoryTree<T extends CategoryLink>(categories: readonly T[]): CategoryNode<T>[] {
  const nodes = new Map<string, CategoryNode<T>>(categories.map((c) => [c.id, { ...c, children: [] }]));
  const roots: CategoryNode<T>[] = [];
  for (const category of categories) {
    const node = nodes.get(category.id)!;
    const parent = category.parentId ? nodes.get(category.parentId) : undefined;
    if (parent && !wouldCreateCycle(categories, category.id, category.parentId)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The ids of `id` and of every category below it. */
export function descendantIds(categories: readonly CategoryLink[], id: string): string[] {
  const children = new Map<string, string[]>();
  for (const c of categories) {
    if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  }
  const result: string[] = [];
  const queue = [id];
  while (queue.length) {
    const next = queue.shift()!;
    if (result.includes(next)) continue;
    result.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return result;
}
