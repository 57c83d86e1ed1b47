// Variants from option templates: Färg × Storlek → one SKU per combination, each with an article
// number made of the product's base and a short code per option value (TS-ORG-BLA-M).
import { DomainError } from '../errors';

/** A text in Swedish and English. */
export interface LocalizedName {
  sv: string;
  en: string;
}

/** An option value as entered: its text and, optionally, the code it adds to article numbers. */
export interface OptionValueInput {
  value: string;
  code?: string;
}

/** An option template as entered, e.g. Färg with Blå (BLA) and Röd (ROD). */
export interface OptionTemplateInput {
  name: LocalizedName;
  values: readonly OptionValueInput[];
}

/** An option template as a product keeps it: the name and the values in their order. */
export interface OptionTemplate {
  name: LocalizedName;
  values: string[];
}

/** One generated variant: its article number, its value per option (keyed by the Swedish name), its place. */
export interface VariantSpec {
  articleNumber: string;
  options: Record<string, string>;
  sortOrder: number;
}

/** More variants than this is almost certainly a mistake in the templates, and too many SKUs to review. */
export const MAX_VARIANTS = 500;
/** Article numbers longer than this do not fit labels or the register's display. */
export const MAX_ARTICLE_NUMBER_LENGTH = 64;

const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', message, [{ field, message }]);

const sameText = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('sv') === b.trim().toLocaleLowerCase('sv');

/**
 * The article-number code of an option value: Swedish letters folded to ASCII, upper case,
 * punctuation dropped; numbers (sizes 38, 128) kept whole, words cut to three letters (Blå → BLA).
 */
export function optionValueCode(value: string): string {
  const ascii = value
    .replace(/[åäÅÄ]/g, 'A')
    .replace(/[öøÖØ]/g, 'O')
    .replace(/[æÆ]/g, 'AE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return /^\d+$/.test(ascii) ? ascii : ascii.slice(0, 3);
}

/**
 * Checks the templates and generates every combination in a stable order: the first template
 * varies slowest (all sizes of the first colour, then of the next). No templates give one variant
 * with the base article number. Refuses with `validation_failed` naming `options.<i>…`.
 */
export function generateVariants(
  baseArticle: string,
  inputs: readonly OptionTemplateInput[],
): { templates: OptionTemplate[]; variants: VariantSpec[] } {
  const checked = inputs.map((input, i) => checkTemplate(input, i, inputs));
  const count = checked.reduce((n, t) => n * t.values.length, 1);
  if (count > MAX_VARIANTS) {
    throw invalid('options', `These options make ${count} variants; at most ${MAX_VARIANTS} are allowed.`);
  }
  let combinations: { codes: string[]; options: Record<string, string> }[] = [{ codes: [], options: {} }];
  for (const template of checked) {
    combinations = combinations.flatMap((c) =>
      template.values.map((v) => ({
        codes: [...c.codes, v.code],
        options: { ...c.options, [template.name.sv]: v.value },
      })),
    );
  }
  const variants = combinations.map((c, sortOrder) => ({
    articleNumber: [baseArticle, ...c.codes].join('-'),
    options: c.options,
    sortOrder,
  }));
  const tooLong = variants.find((v) => v.articleNumber.length > MAX_ARTICLE_NUMBER_LENGTH);
  if (tooLong) {
    throw invalid(
      'options',
      `The article number ${tooLong.articleNumber} is longer than ${MAX_ARTICLE_NUMBER_LENGTH} characters; use shorter codes.`,
    );
  }
  return {
    templates: checked.map((t) => ({ name: t.name, values: t.values.map((v) => v.value) })),
    variants,
  };
}

function checkTemplate(input: OptionTemplateInput, i: number, all: readonly OptionTemplateInput[]) {
  const name = { sv: input.name.sv.trim(), en: input.name.en.trim() };
  if (!name.sv || !name.en)
    throw invalid(`options.${i}.name`, 'An option needs a Swedish and an English name.');
  if (all.findIndex((other) => sameText(other.name.sv, name.sv)) !== i) {
    throw invalid(`options.${i}.name`, `The option ${name.sv} is there twice.`);
  }
  if (input.values.length === 0) throw invalid(`options.${i}.values`, `The option ${name.sv} has no values.`);
  const values = input.values.map((v, j) => {
    const value = v.value.trim();
    const code = (v.code ?? optionValueCode(value)).trim().toUpperCase();
    if (!value) throw invalid(`options.${i}.values.${j}.value`, 'An option value cannot be empty.');
    if (!/^[A-Z0-9]{1,8}$/.test(code)) {
      throw invalid(
        `options.${i}.values.${j}.code`,
        `Give ${value} a code of 1–8 letters A–Z or digits for its article numbers.`,
      );
    }
    return { value, code };
  });
  values.forEach((v, j) => {
    const first = values.findIndex((other) => sameText(other.value, v.value));
    if (first !== j) throw invalid(`options.${i}.values.${j}.value`, `${v.value} is in ${name.sv} twice.`);
    const sameCode = values.findIndex((other) => other.code === v.code);
    if (sameCode !== j) {
      throw invalid(
        `options.${i}.values.${j}.code`,
        `${v.value} and ${values[sameCode]!.value} would both have the code ${v.code}; give one of them another code.`,
      );
    }
  });
  return { name, values };
}

/**
 * Fits the options of a SKU added later to the product's templates: the keys must be exactly the
 * templates' Swedish names; a known value takes the template's spelling, a new one is appended to
 * its template. Refuses with `validation_failed` naming `options` or `options.<name>`.
 */
export function fitOptionsToTemplates(
  templates: readonly OptionTemplate[],
  options: Readonly<Record<string, string>>,
): { templates: OptionTemplate[]; options: Record<string, string> } {
  const names = templates.map((t) => t.name.sv);
  const keys = Object.keys(options);
  const unknown = keys.find((key) => !names.includes(key));
  if (unknown !== undefined) throw invalid(`options.${unknown}`, `The product has no option ${unknown}.`);
  const missing = names.find((name) => !keys.includes(name));
  if (missing !== undefined) throw invalid('options', `Choose a value for ${missing}.`);
  const fitted: Record<string, string> = {};
  const kept = templates.map((t) => {
    const value = options[t.name.sv]!.trim();
    if (!value) throw invalid(`options.${t.name.sv}`, 'An option value cannot be empty.');
    const known = t.values.find((v) => sameText(v, value));
    fitted[t.name.sv] = known ?? value;
    return known === undefined ? { name: t.name, values: [...t.values, value] } : t;
  });
  return { templates: kept, options: fitted };
}

/** A key equal for two option choices that name the same variant, whatever the letter case. */
export function variantKey(options: Readonly<Record<string, string>>): string {
  return JSON.stringify(
    Object.keys(options)
      .sort()
      .map((key) => [key, options[key]!.trim().toLocaleLowerCase('sv')]),
  );
}
