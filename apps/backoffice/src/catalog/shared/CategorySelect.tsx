import type { CategoryTreeNode } from '@handla/api';
import { useLocalized } from '@handla/ui';
import { useMemo } from 'react';
import { flattenCategories } from './lookups';

/** A select of categories, indented by depth; `excluded` hides a category and its sub-tree. */
export function CategorySelect({
  id,
  tree,
  value,
  onChange,
  noneLabel,
  excluded,
  required,
}: {
  id: string;
  tree: readonly CategoryTreeNode[];
  value: string;
  onChange: (value: string) => void;
  /** The label of the empty choice; without it a category must be chosen. */
  noneLabel?: string;
  excluded?: ReadonlySet<string>;
  required?: boolean;
}) {
  const localized = useLocalized();
  const options = useMemo(
    () => flattenCategories(tree).filter((c) => !excluded?.has(c.id)),
    [tree, excluded],
  );
  return (
    <select id={id} value={value} required={required} onChange={(e) => onChange(e.target.value)}>
      {noneLabel !== undefined && <option value="">{noneLabel}</option>}
      {options.map((c) => (
        <option key={c.id} value={c.id}>
          {'\u00a0\u00a0\u00a0'.repeat(c.depth)}
          {localized(c.name)}
        </option>
      ))}
    </select>
  );
}
