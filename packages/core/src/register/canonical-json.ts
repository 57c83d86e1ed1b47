// Canonical JSON: the one byte form of a value that the hash chain covers, so the register (browser)
// and the server (Node) hash the same entry to the same digest whatever order keys were built in.
import { DomainError } from '../errors';

/**
 * JSON with object keys sorted by code unit at every level and no whitespace; keys whose value is
 * `undefined` are left out (as JSON.stringify does). Non-finite numbers, functions and other
 * non-JSON values throw, because they would not survive the trip through the database.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new DomainError('invalid_json', `Not a JSON number: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new DomainError('invalid_json', `Not a JSON value: ${typeof value}`);
}
