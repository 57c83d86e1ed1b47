// Lists many catalog screens choose from: categories, tax classes, stores, price lists.
import type { CategoryTreeNode, LocalizedText } from '@handla/api';
import { useApi, useLoader } from '@handla/ui';
import { useCallback } from 'react';
import { useCatalogApi } from './useCatalogApi';

/** The category tree. */
export function useCategoryTree() {
  const catalog = useCatalogApi();
  return useLoader(useCallback(() => catalog.listCategories(), [catalog]));
}

/** The tax classes (standard, food, books …). */
export function useTaxClasses() {
  const catalog = useCatalogApi();
  return useLoader(useCallback(() => catalog.listTaxClasses(), [catalog]));
}

/** The physical stores. */
export function useStores() {
  const api = useApi();
  return useLoader(useCallback(() => api.listStores(), [api]));
}

/** The price lists (a company has a handful; the first 200 are all of them). */
export function usePriceLists() {
  const catalog = useCatalogApi();
  return useLoader(useCallback(() => catalog.listPriceLists({ limit: 200 }), [catalog]));
}

/** A category flattened for a list or select, with its depth in the tree. */
export interface FlatCategory {
  id: string;
  name: LocalizedText;
  depth: number;
  node: CategoryTreeNode;
}

/** The tree in reading order (each category followed by its sub-categories). */
export function flattenCategories(nodes: readonly CategoryTreeNode[], depth = 0): FlatCategory[] {
  return nodes.flatMap((node) => [
    { id: node.id, name: node.name, depth, node },
    ...flattenCategories(node.children, depth + 1),
  ]);
}

/** The ids of a category and everything below it. */
export function subtreeIds(node: CategoryTreeNode): Set<string> {
  return new Set([node.id, ...node.children.flatMap((c) => [...subtreeIds(c)])]);
}
