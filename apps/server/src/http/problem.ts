// Every error leaves as RFC 9457 problem details with our snake_case code and field errors.
// One table maps codes to statuses; anything unknown is a 500 that says nothing internal.
import { DomainError } from '@handla/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

type FieldError = { field: string; message: string };

/** Error code → HTTP status and a short human title. */
export const ERROR_STATUS: Record<string, { status: number; title: string }> = {
  validation_failed: { status: 400, title: 'The request has invalid fields' },
  invalid_json: { status: 400, title: 'The body is not valid JSON' },
  bad_request: { status: 400, title: 'The request cannot be read' },
  unauthenticated: { status: 401, title: 'Sign in first' },
  invalid_credentials: { status: 401, title: 'Wrong e-mail or password' },
  invalid_api_key: { status: 401, title: 'The API key is unknown or revoked' },
  forbidden: { status: 403, title: 'You do not have access to this' },
  not_found: { status: 404, title: 'Not found' },
  route_not_found: { status: 404, title: 'No such endpoint' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  insufficient_stock: { status: 409, title: 'Not enough stock available' },
  invalid_state: { status: 409, title: 'This is not allowed in the current state' },
  duplicate: { status: 409, title: 'Something with that identity already exists' },
  version_conflict: { status: 409, title: 'Someone else changed this first; reload and try again' },
  // Web orders, payments and pickup
  price_changed: { status: 409, title: 'A price changed since it was shown; review the cart' },
  sku_unavailable: { status: 409, title: 'An item is no longer for sale' },
  slot_unavailable: { status: 409, title: 'That pickup time is not offered' },
  slot_full: { status: 409, title: 'That pickup time has just been fully booked' },
  payment_declined: { status: 402, title: 'The payment was declined' },
  payment_failed: { status: 502, title: 'The payment provider did not answer' },
  carrier_failed: { status: 502, title: 'The carrier did not answer' },
  order_locked: { status: 409, title: 'The order is being picked and cannot be changed' },
  payment_difference: { status: 409, title: 'The order would cost more than its payment covers' },
  coupon_limit_reached: { status: 409, title: 'The coupon has been used as often as it may be' },
  credit_limit_exceeded: { status: 409, title: 'The sale would exceed the customer’s credit limit' },
  scan_refused: { status: 409, title: 'That scan does not belong to what is left to pack' },
  amount_mismatch: { status: 422, title: 'The amount paid elsewhere is not what the order costs' },
  // Integrations
  message_rejected: { status: 422, title: 'The message cannot be applied; it waits in the dead-letter list' },
  // The register
  device_not_paired: { status: 401, title: 'This device is not paired with a register' },
  control_unit_unavailable: {
    status: 503,
    title: 'The control unit did not answer; no receipt may be issued',
  },
  printer_unavailable: { status: 502, title: 'The receipt printer did not take the receipt' },
  journal_gap: { status: 409, title: 'The register journal has a gap or a broken chain' },
  unbalanced_voucher: { status: 422, title: 'A voucher does not balance; nothing was written' },
  payload_too_large: { status: 413, title: 'The body is too large' },
  unsupported_media_type: { status: 415, title: 'Send the body as application/json' },
  too_many_attempts: { status: 429, title: 'Too many attempts; wait a while and try again' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
  service_unavailable: { status: 503, title: 'The service is shutting down or not ready' },
};

/** Builds the problem body for `code`; unknown codes count as internal errors. */
export function problemFor(code: string, detail?: string, errors: FieldError[] = []) {
  const known = ERROR_STATUS[code] ?? ERROR_STATUS.internal_error!;
  return {
    type: `https://handla.dev/problems/${code.replaceAll('_', '-')}`,
    title: known.title,
    status: known.status,
    code: ERROR_STATUS[code] ? code : 'internal_error',
    ...(detail ? { detail } : {}),
    errors,
  };
}

function sendProblem(reply: FastifyReply, problem: ReturnType<typeof problemFor>) {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

// Fastify's own client errors (body parsing, limits) by their codes.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

// The Zod type provider reports each issue as { keyword: zod code, instancePath, message, params }.
function zodFieldErrors(error: FastifyError): FieldError[] {
  const issues = (error.validation ?? []) as unknown as {
    keyword?: string;
    instancePath?: string;
    message?: string;
    params?: { keys?: string[] };
  }[];
  return issues.flatMap((issue) => {
    const path = (issue.instancePath ?? '').split('/').filter(Boolean);
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys) {
      return issue.params.keys.map((key) => ({ field: [...path, key].join('.'), message: 'Unknown field' }));
    }
    return [{ field: path.join('.') || '(root)', message: issue.message ?? 'Invalid value' }];
  });
}

/** Installs the error and not-found handlers that answer with problem details. */
export function installProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const thrown: unknown = error;
    if (thrown instanceof DomainError) {
      if (!ERROR_STATUS[thrown.code]) request.log.error({ err: thrown }, 'unmapped domain error code');
      return sendProblem(reply, problemFor(thrown.code, thrown.message, thrown.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext === 'body' ? 'body' : error.validationContext;
      return sendProblem(
        reply,
        problemFor('validation_failed', `Check the fields of the ${where}.`, zodFieldErrors(error)),
      );
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendProblem(reply, problemFor(mapped, error.message));
    if (error instanceof SyntaxError || (error.statusCode === 400 && !error.code)) {
      return sendProblem(reply, problemFor('invalid_json', error.message));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = Object.entries(ERROR_STATUS).find(([, v]) => v.status === status)?.[0] ?? 'bad_request';
      return sendProblem(reply, problemFor(code, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problemFor('internal_error'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemFor('route_not_found', `${request.method} ${request.url.split('?')[0]}`)),
  );
}
