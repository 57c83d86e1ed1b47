// Document life cycles as data: each allowed move between statuses carries a one-line reason, so the
// rules can be read, listed in the API docs and tested without running any service.
import { DomainError } from '../errors';

/** One allowed move from one status to another, and why it exists. */
export interface StatusMove<S extends string> {
  from: S;
  to: S;
  reason: string;
}

/** The move from `from` to `to`, or undefined when the machine does not allow it. */
export function findMove<S extends string>(
  moves: readonly StatusMove<S>[],
  from: S,
  to: S,
): StatusMove<S> | undefined {
  return moves.find((move) => move.from === from && move.to === to);
}

/** Throws `invalid_state` unless the machine allows moving `what` from `from` to `to`. */
export function assertMove<S extends string>(
  moves: readonly StatusMove<S>[],
  what: string,
  from: S,
  to: S,
): StatusMove<S> {
  const move = findMove(moves, from, to);
  if (!move) {
    throw new DomainError('invalid_state', `A ${what} that is ${from} cannot become ${to}.`, [
      { field: 'status', message: `Is ${from}; cannot become ${to}` },
    ]);
  }
  return move;
}
