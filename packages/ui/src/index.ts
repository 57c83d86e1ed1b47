// Shared pieces of the three web apps: language, formatting, session, layout and data hooks.
import './styles.css';

export { AppHeader } from './AppHeader';
export { ApiProvider, useApi } from './api';
export { ErrorNotice } from './ErrorNotice';
export { describeError, type ErrorDescription } from './errors';
export { ConnectionStatus, EventList } from './events/EventList';
export { KNOWN_EVENT_TYPES, type StreamStatus, useEventStream } from './events/useEventStream';
export { formatDateTime, formatPrice, formatTime, intlLocale, weekdayName } from './format';
export { useDebouncedValue } from './hooks/useDebouncedValue';
export { type Loaded, useLoader } from './hooks/useLoader';
export { type ProductSearch, useProductSearch } from './hooks/useProductSearch';
export { en } from './i18n/en';
export {
  I18nProvider,
  interpolate,
  type Locale,
  type MessageVars,
  type Translate,
  useLocale,
  useLocalized,
  useT,
} from './i18n/i18n';
export { LanguageSwitch } from './i18n/LanguageSwitch';
export { type MessageKey, sv } from './i18n/sv';
export { variantsText } from './products';
export { SearchField } from './SearchField';
export { LoginForm } from './session/LoginForm';
export { RequireStaff } from './session/RequireStaff';
export { SessionProvider, type SessionValue, useOptionalSession, useSession } from './session/session';
export { OpeningHours, StoreCard } from './stores/OpeningHours';
