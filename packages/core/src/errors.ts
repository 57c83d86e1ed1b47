/**
 * The one error class of the project: a refusal with a snake_case `code` that the server maps to an
 * HTTP status, plus optional per-field messages for problem+json bodies.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message?: string,
    readonly fields?: { field: string; message: string }[],
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}
