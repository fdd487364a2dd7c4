import { describe, expect, it } from 'vitest';
import { NO_INCLUDES, type EntityIncludes } from '../../src/repositories/EntityIncludes.js';
import { memoizeStatement } from '../../src/repositories/memoizeStatement.js';
import { EMPTY_PROJECTION } from '../../src/repositories/ProjectionShape.js';

describe('memoizeStatement', () => {
  const includes = (): EntityIncludes => ({ ...NO_INCLUDES, evidence: true });
  const counting = () => {
    let builds = 0;
    return {
      build: (scope: { parameters: Record<string, unknown> }) => {
        scope.parameters.bound = ++builds;
        return `RETURN $bound AS build${builds}`;
      },
      builds: () => builds,
    };
  };

  it('writes a statement once per plan, shape and variant, with the parameters its building bound', () => {
    const plan = includes();
    const { build, builds } = counting();
    const first = memoizeStatement(plan, EMPTY_PROJECTION, 'v', build);
    const again = memoizeStatement(plan, { ...EMPTY_PROJECTION }, 'v', build);
    expect(builds()).toBe(1);
    expect(again).toBe(first);
    expect(first).toEqual({ text: 'RETURN $bound AS build1', parameters: { bound: 1 } });
  });

  it('writes another statement for another shape, variant or plan', () => {
    const plan = includes();
    const { build, builds } = counting();
    memoizeStatement(plan, EMPTY_PROJECTION, 'v', build);
    memoizeStatement(plan, { ...EMPTY_PROJECTION, relationIds: true }, 'v', build);
    memoizeStatement(plan, EMPTY_PROJECTION, 'w', build);
    memoizeStatement(includes(), EMPTY_PROJECTION, 'v', build);
    expect(builds()).toBe(4);
  });
});
