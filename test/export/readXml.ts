import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An XML element as fast-xml-parser gives it: attributes prefixed `@_`, text in `#text`, children by tag name. */
export interface XmlElement {
  [name: string]: string | XmlElement | XmlElement[] | undefined;
}

const LIST_TAGS = new Set(['key', 'node', 'edge', 'data', 'attribute', 'attvalue']);

/** Checks well-formedness, then parses with a reader that shares no code with the writers under test. */
export function readXml(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Not well-formed XML: ${JSON.stringify(valid.err)}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // Decodes numeric character references (&#xA;) that writers use for line breaks in attribute values.
    htmlEntities: true,
    alwaysCreateTextNode: true,
    isArray: (name) => LIST_TAGS.has(name),
  });
  return parser.parse(xml) as XmlElement;
}

export function child(element: XmlElement, name: string): XmlElement {
  const value = element[name];
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`Expected one <${name}>`);
  return value;
}

export function children(element: XmlElement, name: string): XmlElement[] {
  const value = element[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`Expected a list of <${name}>`);
  return value;
}

export function attr(element: XmlElement, name: string): string {
  const value = element[`@_${name}`];
  if (typeof value !== 'string') throw new Error(`Expected attribute ${name}`);
  return value;
}

export function text(element: XmlElement): string {
  const value = element['#text'];
  return typeof value === 'string' ? value : '';
}
