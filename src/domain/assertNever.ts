/** Makes a `switch` exhaustive: the compiler fails when a case is missing, and a value from outside the types throws. */
export function assertNever(value: never): never {
  throw new TypeError(`Unexpected value: ${JSON.stringify(value)}`);
}
