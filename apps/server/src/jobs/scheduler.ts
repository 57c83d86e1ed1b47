// Background work that runs on a timer in every server process: sending queued mail, reminders,
// expiring unpaid orders, webhook deliveries. A job must be safe to run in several processes at
// once — claim rows with `for update skip locked` or take an advisory lock — because production
// runs many processes on one database. Tests turn the timers off and call `runOnce` themselves.

/** One periodic job. `run` does one batch and returns how many things it did. */
export interface Job {
  name: string;
  everyMs: number;
  run: (now: Date) => Promise<number>;
}

export interface Scheduler {
  add(job: Job): void;
  /** Runs every job once (or the named one), in order; for tests and for `SIGTERM` drains. */
  runOnce(name?: string): Promise<Record<string, number>>;
  start(): void;
  stop(): Promise<void>;
}

/** A scheduler on the real clock; `onError` logs a failed run (the next tick tries again). */
export function createScheduler(
  clock: () => Date,
  onError: (job: string, error: unknown) => void,
): Scheduler {
  const jobs: Job[] = [];
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let started = false;

  async function runJob(job: Job): Promise<number> {
    return job.run(clock());
  }

  function schedule(job: Job) {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return; // a slow batch is not run twice in one process
      busy = true;
      const done = runJob(job)
        .catch((error) => onError(job.name, error))
        .finally(() => {
          busy = false;
          running.delete(done);
        });
      running.add(done);
    }, job.everyMs);
    timer.unref();
    timers.push(timer);
  }

  return {
    add(job) {
      if (jobs.some((j) => j.name === job.name)) throw new Error(`job ${job.name} added twice`);
      jobs.push(job);
      if (started) schedule(job);
    },
    async runOnce(name) {
      const done: Record<string, number> = {};
      for (const job of jobs) {
        if (name === undefined || job.name === name) done[job.name] = await runJob(job);
      }
      if (name !== undefined && !(name in done)) throw new Error(`no job named ${name}`);
      return done;
    },
    start() {
      if (started) return;
      started = true;
      for (const job of jobs) schedule(job);
    },
    async stop() {
      started = false;
      for (const timer of timers.splice(0)) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}
