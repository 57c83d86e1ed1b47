import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCategoryTree,
  type CategoryLink,
  type CategoryNode,
  categoryPath,
  descendantIds,
  wouldCreateCycle,
} from './category-tree';

const demo: CategoryLink[] = [
  { id: 'klader', parentId: null },
  { id: 't-shirts', parentId: 'klader' },
  { id: 'trojor', parentId: 'klader' },
  { id: 'merino', parentId: 'trojor' },
  { id: 'skor', parentId: null },
];

// A random forest: each category's parent is an earlier one or none, so it has no cycles.
const forest = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc
      .tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: -1, max: i - 1 })))
      .map((parents) => parents.map((p, i) => ({ id: `c${i}`, parentId: p < 0 ? null : `c${p}` }))),
  );
const flatten = <T extends CategoryLink>(nodes: CategoryNode<T>[]): string[] =>
  nodes.flatMap((n) => [n.id, ...flatten(n.children)]);

describe('wouldCreateCycle', () => {
  it('refuses a category under itself or under its own descendant', () => {
    expect(wouldCreateCycle(demo, 'klader', 'klader')).toBe(true);
    expect(wouldCreateCycle(demo, 'klader', 'merino')).toBe(true);
    expect(wouldCreateCycle(demo, 'trojor', 'merino')).toBe(true);
  });

  it('allows a move elsewhere, to the top, or to a sibling', () => {
    expect(wouldCreateCycle(demo, 'trojor', null)).toBe(false);
    expect(wouldCreateCycle(demo, 'trojor', 'skor')).toBe(false);
    expect(wouldCreateCycle(demo, 'merino', 't-shirts')).toBe(false);
  });

  it('is true exactly when the new parent is the category or below it', () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (categories, a, b) => {
        const id = categories[a % categories.length]!.id;
        const parent = categories[b % categories.length]!.id;
        expect(wouldCreateCycle(categories, id, parent)).toBe(descendantIds(categories, id).includes(parent));
      }),
    );
  });
});

describe('categoryPath', () => {
  it('goes from the root down to the category', () => {
    expect(categoryPath(demo, 'merino').map((c) => c.id)).toEqual(['klader', 'trojor', 'merino']);
    expect(categoryPath(demo, 'skor').map((c) => c.id)).toEqual(['skor']);
    expect(categoryPath(demo, 'nope')).toEqual([]);
  });

  it('links each step to the one before', () => {
    fc.assert(
      fc.property(forest, fc.nat(), (categories, a) => {
        const id = categories[a % categories.length]!.id;
        const path = categoryPath(categories, id);
        expect(path.at(-1)!.id).toBe(id);
        expect(path[0]!.parentId).toBeNull();
        for (const [i, c] of path.slice(1).entries()) expect(c.parentId).toBe(path[i]!.id);
      }),
    );
  });

  it('says so when the data has a cycle, instead of looping', () => {
    const looped = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(() => categoryPath(looped, 'a')).toThrow(/cycle/);
  });
});

describe('buildCategoryTree', () => {
  it('nests children under parents in the given order', () => {
    const tree = buildCategoryTree(demo);
    expect(tree.map((n) => n.id)).toEqual(['klader', 'skor']);
    expect(tree[0]!.children.map((n) => n.id)).toEqual(['t-shirts', 'trojor']);
    expect(tree[0]!.children[1]!.children.map((n) => n.id)).toEqual(['merino']);
  });

  it('holds every category exactly once, each under its parent', () => {
    fc.assert(
      fc.property(forest, (categories) => {
        const tree = buildCategoryTree(categories);
        expect(flatten(tree).sort()).toEqual(categories.map((c) => c.id).sort());
        const check = (nodes: CategoryNode<CategoryLink>[], parentId: string | null) => {
          for (const node of nodes) {
            expect(node.parentId).toBe(parentId);
            check(node.children, node.id);
          }
        };
        check(tree, null);
      }),
    );
  });
});

describe('descendantIds', () => {
  it('holds the category and everything below it', () => {
    expect(descendantIds(demo, 'klader').sort()).toEqual(['klader', 'merino', 't-shirts', 'trojor']);
    expect(descendantIds(demo, 'merino')).toEqual(['merino']);
  });
});
