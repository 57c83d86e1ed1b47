// What the modules added with the web shop and the register receive besides the context: the
// configuration, the job scheduler, and the outbox relay with the set of open event streams (so
// a module's own SSE endpoint is ended on shutdown like /api/events).
import type { ServerResponse } from 'node:http';
import type { ServerConfig } from '../config';
import type { Scheduler } from '../jobs/scheduler';
import type { OutboxRelay } from '../outbox/relay';

export interface ModuleEnv {
  config: ServerConfig;
  jobs: Scheduler;
  relay: OutboxRelay;
  openStreams: Set<ServerResponse>;
}
