import { ApiError } from '@handla/api';
import type { Translate } from './i18n/i18n';
import type { MessageKey } from './i18n/sv';

const CODE_MESSAGES: Record<string, MessageKey> = {
  invalid_credentials: 'error.invalid_credentials',
  too_many_attempts: 'error.too_many_attempts',
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  validation_failed: 'error.validation_failed',
  not_found: 'error.not_found',
  internal_error: 'error.internal_error',
};

/** What to tell the user about a failed call: one sentence plus the fields the server named. */
export interface ErrorDescription {
  message: string;
  fieldErrors: { field: string; message: string }[];
}

/** Turns anything thrown by the API client into words in the current language. */
export function describeError(error: unknown, t: Translate): ErrorDescription {
  if (error instanceof ApiError) {
    const key = CODE_MESSAGES[error.problem.code];
    return { message: key ? t(key) : error.problem.title, fieldErrors: error.problem.errors };
  }
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return { message: t('error.network'), fieldErrors: [] };
  return { message: t('error.generic'), fieldErrors: [] };
}
