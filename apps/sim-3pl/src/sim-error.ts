// A refusal of the simulated 3PL (its control API or its inbound endpoints), with the field it is about.

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
