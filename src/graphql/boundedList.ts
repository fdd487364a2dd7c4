import { tooManyItems } from '../errors.js';

/**
 * A list argument checked against its bound and without repeats, first occurrence first. The bound applies to
 * the list as sent, repeats included, so that no argument makes the server work through more than `max` items.
 */
export function boundedList<T>(argument: string, values: readonly T[], max: number): T[] {
  if (values.length > max) throw tooManyItems(argument, max, values.length);
  return [...new Set(values)];
}
