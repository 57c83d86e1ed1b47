// Reads Server-Sent Events from a fetch response, for tests and the bench.
export interface SseMessage {
  id: string;
  event: string;
  data: { storeId: string | null; type: string; [key: string]: unknown };
}

/** A stream being followed: `stop()` cuts it; `ended` settles once no more messages come. */
export interface SseFollower {
  stop(): void;
  ended: Promise<void>;
}

/** Calls `onMessage` for each message (comments skipped) the moment its block is complete. */
export function followSse(response: Response, onMessage: (message: SseMessage) => void): SseFollower {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let stopped = false;
  const stop = () => {
    stopped = true;
    reader.cancel().catch(() => {});
  };
  const ended = (async () => {
    let buffer = '';
    try {
      while (!stopped) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0 && !stopped) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) => block.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1];
          const data = field('data');
          if (data) onMessage({ id: field('id')!, event: field('event')!, data: JSON.parse(data) });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Cancelled or cut off: the caller has what arrived.
    } finally {
      stop();
    }
  })();
  return { stop, ended };
}

/**
 * Collects messages until `count` have arrived — or, given a predicate, until one satisfies it —
 * or the stream is cut after `timeoutMs`.
 */
export async function readSse(
  response: Response,
  count: number | ((message: SseMessage) => boolean),
  timeoutMs = 5000,
): Promise<SseMessage[]> {
  const messages: SseMessage[] = [];
  const isDone = (latest: SseMessage) =>
    typeof count === 'number' ? messages.length >= count : count(latest);
  const follower = followSse(response, (message) => {
    messages.push(message);
    if (isDone(message)) follower.stop();
  });
  if (count === 0) follower.stop();
  const deadline = setTimeout(follower.stop, timeoutMs);
  await follower.ended;
  clearTimeout(deadline);
  return messages;
}
