// The option templates of a new product as typed: a name per language and values as one line of
// text ("Blå, Röd" or, with own article-number codes, "Blå=BL, Röd=RD").
import type { CreateProductBody } from '@handla/api';
import { DomainError, generateVariants, slugify, type VariantSpec } from '@handla/core';
import type { MessageKey } from '@handla/ui';

/** One option as the form holds it. */
export interface OptionDraft {
  key: number;
  nameSv: string;
  nameEn: string;
  values: string;
}

type OptionInput = CreateProductBody['options'][number];

/** The options as the API takes them; an empty English name is the Swedish one. */
export function optionInputs(drafts: readonly OptionDraft[]): OptionInput[] {
  return drafts.map((d) => ({
    name: { sv: d.nameSv.trim(), en: d.nameEn.trim() || d.nameSv.trim() },
    values: d.values
      .split(/[,;\n]/)
      .map((v) => v.trim())
      .filter(Boolean)
      .map((v) => {
        const [value = '', code] = v.split('=').map((part) => part.trim());
        return code ? { value, code: code.toUpperCase() } : { value };
      }),
  }));
}

/** The variants the server will generate, or why it would refuse the options. */
export type Preview =
  | { ok: true; variants: VariantSpec[] }
  | { ok: false; key: MessageKey; number: number }
  | { ok: false; key: null; message: string };

/** Runs the server's own variant generation on the form's options. */
export function previewVariants(articleNumber: string, drafts: readonly OptionDraft[]): Preview {
  // The two gaps of a half-typed option get a sentence of our own; the rest are the core's.
  const inputs = optionInputs(drafts);
  const unnamed = inputs.findIndex((o) => !o.name.sv);
  if (unnamed >= 0) return { ok: false, key: 'catalogAdmin.preview.needName', number: unnamed + 1 };
  const empty = inputs.findIndex((o) => o.values.length === 0);
  if (empty >= 0) return { ok: false, key: 'catalogAdmin.preview.needValues', number: empty + 1 };
  try {
    return { ok: true, variants: generateVariants(articleNumber, optionInputs(drafts)).variants };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, key: null, message: error.message };
    throw error;
  }
}

/** A suggested base article number from the product's name: "Tröja Merino" → "TROJA-MERINO". */
export function suggestArticleNumber(name: string): string {
  return slugify(name).toUpperCase().slice(0, 24).replace(/-+$/, '');
}
