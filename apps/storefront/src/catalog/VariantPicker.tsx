import type { Sku } from '@handla/api';
import { useT } from '@handla/ui';
import { optionAxes, valueExists } from './variants';

/** One group of big radio buttons per option (Färg, Storlek); values with no SKU are disabled. */
export function VariantPicker({
  skus,
  selection,
  onChange,
}: {
  skus: readonly Sku[];
  selection: Record<string, string>;
  onChange: (selection: Record<string, string>) => void;
}) {
  const t = useT();
  return (
    <>
      {optionAxes(skus).map((axis) => (
        <fieldset key={axis.name} className="option-group">
          <legend>{axis.name}</legend>
          <div className="option-values">
            {axis.values.map((value) => {
              const exists = valueExists(skus, selection, axis.name, value);
              return (
                <label key={value} className="option-value">
                  <input
                    type="radio"
                    name={`option-${axis.name}`}
                    value={value}
                    checked={selection[axis.name] === value}
                    onChange={() => onChange({ ...selection, [axis.name]: value })}
                  />
                  <span>
                    {value}
                    {!exists && (
                      <span className="visually-hidden"> {t('shop.product.combinationMissing')}</span>
                    )}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </>
  );
}
