/** FtM input that cannot be imported; `problems` names each line and property. */
export class FtmInputError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in FtM input:\n  ${problems.join('\n  ')}`);
    this.name = 'FtmInputError';
    this.problems = problems;
  }
}
