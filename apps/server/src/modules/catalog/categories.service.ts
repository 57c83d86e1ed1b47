// Categories: a tree the shop's menu and the back office's filters follow.
import type { Category, CategoryTreeNode, CreateCategoryBody, UpdateCategoryBody } from '@handla/api';
import { buildCategoryTree, categoryPath, slugify, wouldCreateCycle } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import {
  duplicateField,
  invalidField,
  notFound,
  versionConflict,
  withConstraintErrors,
} from './catalog.errors';
import * as store from './categories.store';

/** Every category as a tree, siblings in display order. */
export async function listCategoryTree(ctx: AppContext): Promise<CategoryTreeNode[]> {
  const rows = await store.listCategoryRows(ctx.db);
  const strip = (nodes: ReturnType<typeof buildCategoryTree<store.CategoryRow>>): CategoryTreeNode[] =>
    nodes.map((n) => ({
      id: n.id,
      slug: n.slug,
      name: { sv: n.nameSv, en: n.nameEn },
      parentId: n.parentId,
      sortOrder: n.sortOrder,
      version: n.version,
      children: strip(n.children),
    }));
  return strip(buildCategoryTree(rows));
}

async function withPath(q: Queryable, row: store.CategoryRow): Promise<Category> {
  const all = await store.listCategoryRows(q);
  return store.toCategory(row, categoryPath(all, row.id));
}

async function assertParent(q: Queryable, parentId: string | null | undefined) {
  if (parentId && !(await store.findCategoryRow(q, parentId))) {
    throw invalidField('parentId', `There is no category ${parentId}.`);
  }
}

/** Creates a category, at the top or under `parentId`. */
export async function createCategory(ctx: AppContext, input: CreateCategoryBody): Promise<Category> {
  const now = ctx.clock();
  const slug = input.slug ?? slugify(input.name.sv);
  if (!slug) throw invalidField('slug', 'Give a slug; the name makes none.');
  return withConstraintErrors(() =>
    ctx.db.transaction(async (tx) => {
      await store.lockCategoryTree(tx);
      await assertParent(tx, input.parentId);
      if (await store.isCategorySlugTaken(tx, slug)) {
        throw duplicateField('slug', `Another category has the slug ${slug}.`);
      }
      const row = await store.insertCategory(
        tx,
        {
          id: ctx.newId('cat'),
          slug,
          nameSv: input.name.sv,
          nameEn: input.name.en,
          parentId: input.parentId ?? null,
          sortOrder: input.sortOrder ?? 0,
        },
        now,
      );
      const category = await withPath(tx, row);
      await emitEvent(
        tx,
        {
          type: 'category.created',
          aggregateType: 'category',
          aggregateId: row.id,
          data: { slug: row.slug, parentId: row.parentId },
        },
        now,
      );
      return category;
    }),
  );
}

/** Renames, moves or reorders a category that is still at the version the caller read. */
export async function updateCategory(
  ctx: AppContext,
  id: string,
  input: UpdateCategoryBody,
): Promise<Category> {
  const now = ctx.clock();
  return withConstraintErrors(() =>
    ctx.db.transaction(async (tx) => {
      await store.lockCategoryTree(tx);
      const current = await store.findCategoryRow(tx, id);
      if (!current) throw notFound('category', id);
      if (current.version !== input.version)
        throw versionConflict('category', current.version, input.version);
      if (input.parentId !== undefined) {
        await assertParent(tx, input.parentId);
        if (wouldCreateCycle(await store.listCategoryRows(tx), id, input.parentId)) {
          throw invalidField('parentId', 'A category cannot move under itself or one of its sub-categories.');
        }
      }
      if (input.slug !== undefined && (await store.isCategorySlugTaken(tx, input.slug, id))) {
        throw duplicateField('slug', `Another category has the slug ${input.slug}.`);
      }
      const changes = {
        slug: input.slug,
        nameSv: input.name?.sv,
        nameEn: input.name?.en,
        parentId: input.parentId,
        sortOrder: input.sortOrder,
      };
      const changed = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
      if (changed.length === 0) return withPath(tx, current);
      const row = await store.updateCategory(tx, id, input.version, changes, now);
      if (!row) throw versionConflict('category', current.version + 1, input.version);
      const category = await withPath(tx, row);
      await emitEvent(
        tx,
        {
          type: 'category.updated',
          aggregateType: 'category',
          aggregateId: id,
          data: { changes: changed, slug: row.slug, parentId: row.parentId },
        },
        now,
      );
      return category;
    }),
  );
}
