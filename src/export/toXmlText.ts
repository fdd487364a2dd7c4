/** Characters XML 1.0 cannot carry at all, not even escaped. */
// eslint-disable-next-line no-control-regex -- the control characters XML allows are the point of the class
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text that an XML 1.0 writer can escape: characters XML cannot represent (control characters, lone surrogates)
 * become U+FFFD instead of producing a file no reader accepts. Escaping `<>&"'` stays the writer's job.
 */
export function toXmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD');
}
