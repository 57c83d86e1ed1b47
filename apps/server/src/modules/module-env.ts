// What the modules added with the web shop and the register receive besides the context: the
// configuration and the job scheduler.
import type { ServerConfig } from '../config';
import type { Scheduler } from '../jobs/scheduler';

export interface ModuleEnv {
  config: ServerConfig;
  jobs: Scheduler;
}
