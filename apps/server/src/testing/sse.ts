// Reads Server-Sent Events from a fetch response, for tests.
export interface SseMessage {
  id: string;
  event: string;
  data: { storeId: string | null; type: string; [key: string]: unknown };
}

/**
 * Collects messages (comments skipped) until `count` have arrived — or, given a predicate, until one
 * satisfies it — or the stream is cut after `timeoutMs`.
 */
export async function readSse(
  response: Response,
  count: number | ((message: SseMessage) => boolean),
  timeoutMs = 5000,
): Promise<SseMessage[]> {
  const isDone = (messages: SseMessage[]) =>
    typeof count === 'number' ? messages.length >= count : messages.some(count);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const messages: SseMessage[] = [];
  let buffer = '';
  const deadline = setTimeout(() => reader.cancel(), timeoutMs);
  try {
    while (!isDone(messages)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => block.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1];
        const data = field('data');
        if (data) messages.push({ id: field('id')!, event: field('event')!, data: JSON.parse(data) });
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    clearTimeout(deadline);
    await reader.cancel().catch(() => {});
  }
  return messages;
}
