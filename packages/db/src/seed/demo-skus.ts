// Turns a demo catalog row into its option templates and SKUs (pure; no ids, no database).
import type { ProductOptionSeed } from './catalog-builders';
import type { DemoProduct } from './demo-catalog';

const COLOUR = { sv: 'Färg', en: 'Colour' };
const SIZE = { sv: 'Storlek', en: 'Size' };

/** One SKU of a demo product, before it gets an id and an EAN. */
export interface DemoSkuSpec {
  article: string;
  options: Record<string, string>;
  priceInclVat: number;
}

/** The product's option templates: Färg and/or Storlek, or none for a single-SKU product. */
export function demoOptionTemplates(product: DemoProduct): ProductOptionSeed[] {
  const templates: ProductOptionSeed[] = [];
  if (product.colours) templates.push({ name: COLOUR, values: product.colours.map((c) => c.name) });
  if (product.sizes) templates.push({ name: SIZE, values: [...product.sizes] });
  return templates;
}

/** Every colour × size combination (colour first), article numbers like TS-ORG-BLA-M. */
export function demoSkuSpecs(product: DemoProduct): DemoSkuSpec[] {
  const colours = product.colours ?? [undefined];
  const sizes = product.sizes ?? [undefined];
  return colours.flatMap((colour) =>
    sizes.map((size) => {
      const options: Record<string, string> = {};
      if (colour) options[COLOUR.sv] = colour.name;
      if (size) options[SIZE.sv] = size;
      const surcharge = size === 'XL' ? (product.xlSurchargeInclVat ?? 0) : 0;
      return {
        article: [product.article, colour?.code, size].filter(Boolean).join('-'),
        options,
        priceInclVat: product.priceInclVat + surcharge,
      };
    }),
  );
}

/** A URL slug from a Swedish name: å/ä → a, ö → o, anything else non-alphanumeric → '-'. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
