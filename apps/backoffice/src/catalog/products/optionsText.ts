import type { OptionTemplate } from '@handla/api';
import type { Locale } from '@handla/ui';

/** A SKU's options as text, e.g. "Färg: Blå · Storlek: M"; option names in the current language. */
export function optionsText(
  options: Readonly<Record<string, string>>,
  templates: readonly OptionTemplate[],
  locale: Locale,
): string {
  return Object.entries(options)
    .map(([name, value]) => {
      const template = templates.find((t) => t.name.sv === name);
      return `${(template && (template.name[locale] || template.name.sv)) ?? name}: ${value}`;
    })
    .join(' · ');
}
