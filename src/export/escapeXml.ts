import { toXmlText } from './toXmlText.js';

const MARKUP = /[&<>"'\t\n\r]/g;
const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

/**
 * Text that reads back exactly from XML content or a quoted attribute value: every `&`, `<`, `>` and quote as an
 * entity (so text that looks like an entity, `&amp;`, stays as written), tab and line breaks as character references
 * (attribute-value normalization would turn them into spaces), and characters XML cannot carry as U+FFFD. Written
 * here because xmlbuilder2 leaves `&amp;`-like text and line breaks in attributes as they are.
 */
export function escapeXml(value: string): string {
  return toXmlText(value).replace(MARKUP, (character) => REFERENCES[character]!);
}
