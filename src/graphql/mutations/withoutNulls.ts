/** Drops null and undefined properties, so GraphQL's "not given" reads as zod's "optional". */
export function withoutNulls<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== null && item !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}
