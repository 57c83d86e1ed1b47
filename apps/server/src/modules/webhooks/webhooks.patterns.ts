// Which events a subscription wants: "order.*" (a whole family) or an exact type from EVENT_TYPES.
import { EVENT_TYPES, WEBHOOK_FAMILIES } from '@handla/api';
import { DomainError } from '@handla/core';

const KNOWN_TYPES = new Set<string>(EVENT_TYPES);

/** True when `eventType` is one `pattern` names. */
export function matchesPattern(pattern: string, eventType: string): boolean {
  return pattern.endsWith('.*') ? eventType.startsWith(pattern.slice(0, -1)) : pattern === eventType;
}

/** True when any of `patterns` names `eventType`. */
export function isSubscribedTo(patterns: readonly string[], eventType: string): boolean {
  return patterns.some((pattern) => matchesPattern(pattern, eventType));
}

/** The patterns without repeats; `validation_failed` naming `eventTypes[i]` for an unknown exact type. */
export function checkPatterns(patterns: readonly string[]): string[] {
  patterns.forEach((pattern, i) => {
    const family = pattern.slice(0, pattern.indexOf('.'));
    const isKnown = pattern.endsWith('.*')
      ? (WEBHOOK_FAMILIES as readonly string[]).includes(family)
      : KNOWN_TYPES.has(pattern);
    if (!isKnown) {
      throw new DomainError('validation_failed', `No event type ${pattern}.`, [
        { field: `eventTypes.${i}`, message: 'Not an event type Handla sends' },
      ]);
    }
  });
  return [...new Set(patterns)];
}
