import type { CategoryTreeNode } from '@handla/api';
import { useLocalized, useT } from '@handla/ui';
import { useState } from 'react';
import { CategoryEditForm } from './CategoryEditForm';

/** One level of the tree as a list; each category's sub-categories are a list inside its item. */
export function CategoryTreeList({
  nodes,
  tree,
  onChanged,
}: {
  nodes: readonly CategoryTreeNode[];
  tree: readonly CategoryTreeNode[];
  onChanged: (message: string) => void;
}) {
  if (nodes.length === 0) return null;
  return (
    <ul className="category-tree">
      {nodes.map((node) => (
        <CategoryItem key={node.id} node={node} tree={tree} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function CategoryItem({
  node,
  tree,
  onChanged,
}: {
  node: CategoryTreeNode;
  tree: readonly CategoryTreeNode[];
  onChanged: (message: string) => void;
}) {
  const t = useT();
  const localized = useLocalized();
  const [isEditing, setEditing] = useState(false);
  return (
    <li>
      {isEditing ? (
        <CategoryEditForm
          node={node}
          tree={tree}
          onDone={(message) => {
            setEditing(false);
            if (message) onChanged(message);
          }}
        />
      ) : (
        <div className="category-row">
          <span className="category-name">{localized(node.name)}</span>
          <span className="muted">
            <code>{node.slug}</code>
          </span>
          <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
            {t('catalogAdmin.categories.edit')}
            <span className="visually-hidden"> {localized(node.name)}</span>
          </button>
        </div>
      )}
      <CategoryTreeList nodes={node.children} tree={tree} onChanged={onChanged} />
    </li>
  );
}
