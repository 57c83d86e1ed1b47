// Kept apart from the zod schemas so that the browser apps can import the list without zod.

/** Every event type Handla emits; past tense. Apps subscribe to these by name on the SSE stream. */
export const EVENT_TYPES = ['staff.signed_in', 'api_key.created', 'api_key.revoked'] as const;
/** One of the event types. */
export type EventType = (typeof EVENT_TYPES)[number];
