/** Thrown when seed or mutation input breaks the rules; `problems` names each file, entry and field. */
export class SeedValidationError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in seed input:\n  ${problems.join('\n  ')}`);
    this.name = 'SeedValidationError';
    this.problems = problems;
  }
}
