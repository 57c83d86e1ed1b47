// A small XML writer for the SAF-T export: elements and text only (no attributes beyond the root's),
// every text escaped. No XML library is installed (neither xmlbuilder2 nor fast-xml-parser), and
// SAF-T needs nothing more than nested elements, so this stays deliberately tiny.

/** An element: its name and either text or children. Undefined children are skipped (optional elements). */
export type XmlNode = { name: string; text: string } | { name: string; children: (XmlNode | undefined)[] };

/** Escapes text for element content; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** `<name>text</name>`, or nothing when the value is null/undefined (an optional element left out). */
export function el(name: string, value: string | number | boolean | null | undefined): XmlNode | undefined {
  return value === null || value === undefined ? undefined : { name, text: String(value) };
}

/** An element with children. */
export function group(name: string, children: (XmlNode | undefined)[]): XmlNode {
  return { name, children };
}

function write(node: XmlNode, depth: number, out: string[]): void {
  const indent = '\t'.repeat(depth);
  if ('text' in node) {
    out.push(`${indent}<${node.name}>${escapeXml(node.text)}</${node.name}>`);
    return;
  }
  const children = node.children.filter((c): c is XmlNode => c !== undefined);
  if (children.length === 0) {
    out.push(`${indent}<${node.name}/>`);
    return;
  }
  out.push(`${indent}<${node.name}>`);
  for (const child of children) write(child, depth + 1, out);
  out.push(`${indent}</${node.name}>`);
}

/** A whole document: declaration, the root with its namespace attributes, the children. */
export function renderDocument(
  root: string,
  attributes: Record<string, string>,
  children: XmlNode[],
): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(v).replace(/"/g, '&quot;')}"`)
    .join('');
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<${root}${attrs}>`];
  for (const child of children) write(child, 1, out);
  out.push(`</${root}>`, '');
  return out.join('\n');
}
