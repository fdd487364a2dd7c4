import { describeWriteProblem } from './describeWriteProblem.js';
import type { WriteProblem } from './WriteProblem.js';

/** Thrown when stored facts refuse a planned write (nothing is written); `problems` says why, one reason each. */
export class WriteRefusedError extends Error {
  readonly problems: readonly WriteProblem[];

  constructor(problems: readonly WriteProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the write:\n  ${problems.map(describeWriteProblem).join('\n  ')}`,
    );
    this.name = 'WriteRefusedError';
    this.problems = problems;
  }
}
