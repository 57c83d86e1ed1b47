import { useLocale, useT } from './i18n';

/** A button that switches between Swedish and English; it names the language it switches to. */
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  const target = locale === 'sv' ? 'en' : 'sv';
  return (
    <button
      type="button"
      className="button button-quiet"
      lang={target}
      title={t('lang.switchLabel')}
      onClick={() => setLocale(target)}
    >
      {t('lang.switch')}
    </button>
  );
}
