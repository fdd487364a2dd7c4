import { createHash } from 'node:crypto';
import type { SourceDocumentInput } from '../seed/sourceDocument.js';
import { createRandom } from './createRandom.js';
import type { ScaleCounts } from './scaleCounts.js';
import {
  agreementName,
  countryName,
  eventName,
  organizationName,
  personName,
  projectName,
  regionName,
  type SyntheticName,
} from './syntheticNames.js';

/** One synthetic source: its seed-format document and the text every excerpt of it is quoted from. */
export interface ScaleDocument {
  document: SourceDocumentInput;
  text: string;
}

type EntityInput = NonNullable<SourceDocumentInput['entities']>[number];
type RelationInput = NonNullable<SourceDocumentInput['relations']>[number];

const LEGAL_FORMS = ['JSC', 'LLP', 'state enterprise'] as const;
const ORGANIZATION_TITLES = ['chairman of the board', 'director general', 'deputy chairman'] as const;
const REGION_TITLES = ['governor', 'akim'] as const;
const PARTY_ROLES = ['party', 'investor', 'operator', 'supplier', 'buyer'] as const;
const TOPICS = ['logistics', 'agriculture', 'energy', 'digitalization', 'tourism', 'education', 'healthcare'] as const;
const PARTICIPANTS_PER_SENTENCE = 8;

/** Synthetic ids all start with `syn-`, which no curated seed uses. */
export const syntheticId = (prefix: string, index: number) => `${prefix}/syn-${index}`;

/** A cheap, stable hash of (salt, index), for values that other documents must be able to recompute. */
function hashOf(salt: number, index: number): number {
  let h = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

function dateOf(salt: number, index: number): string {
  const h = hashOf(salt, index);
  const year = 2015 + (h % 11);
  const month = 1 + ((h >>> 8) % 12);
  const day = 1 + ((h >>> 16) % 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const eventDate = (index: number) => dateOf(1, index);
const eventNameOf = (index: number) => eventName(index, Number(eventDate(index).slice(0, 4)));

/** The slice [start, end) of `total` items that document `index` of `documents` declares. */
function slice(total: number, documents: number, index: number): [number, number] {
  return [Math.floor((index * total) / documents), Math.floor(((index + 1) * total) / documents)];
}

function range([start, end]: [number, number]): number[] {
  return Array.from({ length: end - start }, (_, offset) => start + offset);
}

function distinct(count: number, draw: () => string): string[] {
  const chosen = new Set<string>();
  for (let attempt = 0; chosen.size < count && attempt < count * 20; attempt++) chosen.add(draw());
  return [...chosen];
}

/**
 * Document `index` of the synthetic graph with `counts`: it declares its share of every kind and states their
 * relations, each fact backed by a sentence of the document's text. Relations may point at entities other
 * documents declare (ids and names are functions of the index), so documents can be generated one at a time,
 * in any order, with the same result. Shaped like real data: regions within countries (some two levels deep),
 * organizations and agreement parties heavy-tailed, 2–5 parties per agreement, offices, events, statements.
 */
export function generateScaleDocument(counts: ScaleCounts, index: number): ScaleDocument {
  const random = createRandom(`coopgraph-scale-${index}`);
  const sentences: string[] = [];
  const entities: EntityInput[] = [];
  const relations: RelationInput[] = [];
  const say = (sentence: string) => {
    sentences.push(sentence);
    return sentence;
  };
  const relate = (type: string, from: string, to: string, evidence: string, role?: string) =>
    relations.push({ type, from, to, evidence, basis: 'STATED', ...(role ? { role } : {}) });
  const declare = (
    id: string,
    kind: EntityInput['kind'],
    name: SyntheticName,
    evidence: string | string[],
    extra: Partial<EntityInput> = {},
  ) => entities.push({ id, kind, names: { en: name.en, ru: name.ru }, evidence, ...extra });

  const firstLevelRegions = Math.max(counts.countries, Math.ceil(counts.regions / 3));
  const regionOf = (region: number): SyntheticName => regionName(region, region >= firstLevelRegions);
  const anyRegion = () => random.int(0, counts.regions - 1);
  const anyEvent = () => random.skewedIndex(counts.events, 1.5);

  for (const country of range(slice(counts.countries, counts.documents, index))) {
    const name = countryName(country);
    declare(
      syntheticId('country', country),
      'COUNTRY',
      name,
      say(`${name.en} (${name.ru}) is a country of the region.`),
    );
  }

  for (const region of range(slice(counts.regions, counts.documents, index))) {
    const name = regionOf(region);
    const district = region >= firstLevelRegions;
    const parent = district ? random.int(0, firstLevelRegions - 1) : region % counts.countries;
    const parentId = district ? syntheticId('region', parent) : syntheticId('country', parent);
    const parentName = district ? regionOf(parent) : countryName(parent);
    const sentence = say(`${name.en} (${name.ru}) is part of ${parentName.en}.`);
    declare(syntheticId('region', region), 'REGION', name, sentence);
    relate('PART_OF', syntheticId('region', region), parentId, sentence);
  }

  for (const organization of range(slice(counts.organizations, counts.documents, index))) {
    const name = organizationName(organization);
    const legalForm = LEGAL_FORMS[hashOf(2, organization) % LEGAL_FORMS.length]!;
    const region = anyRegion();
    const id = syntheticId('organization', organization);
    const sentence = say(`${name.en} (${name.ru}), a ${legalForm}, is based in ${regionOf(region).en}.`);
    declare(id, 'ORGANIZATION', name, sentence, {
      aliases: [name.en.split(' ')[0]!.toUpperCase()],
      attributes: [{ key: 'legalForm', value: legalForm, evidence: sentence, basis: 'STATED' }],
    });
    relate('BASED_IN', id, syntheticId('region', region), sentence);
  }

  for (const person of range(slice(counts.people, counts.documents, index))) {
    const name = personName(person);
    const id = syntheticId('person', person);
    const offices: string[] = [];
    if (counts.countries >= 2 && random.chance(0.05)) {
      const home = random.int(0, counts.countries - 1);
      const host = (home + random.int(1, counts.countries - 1)) % counts.countries;
      const sentence = say(
        `${name.en} (${name.ru}) is the ambassador of ${countryName(home).en} to ${countryName(host).en}.`,
      );
      relate('HOLDS_OFFICE', id, syntheticId('country', home), sentence, 'ambassador');
      relate('ACCREDITED_TO', id, syntheticId('country', host), sentence, 'ambassador');
      offices.push(sentence);
    } else {
      for (let office = random.int(1, 2); office > 0; office--) {
        if (random.chance(0.7)) {
          const organization = random.skewedIndex(counts.organizations, 1.5);
          const title = random.pick(ORGANIZATION_TITLES);
          const sentence = say(`${name.en} (${name.ru}) is the ${title} of ${organizationName(organization).en}.`);
          relate('HOLDS_OFFICE', id, syntheticId('organization', organization), sentence, title);
          offices.push(sentence);
        } else {
          const region = anyRegion();
          const title = random.pick(REGION_TITLES);
          const sentence = say(`${name.en} (${name.ru}) is the ${title} of ${regionOf(region).en}.`);
          relate('HOLDS_OFFICE', id, syntheticId('region', region), sentence, title);
          offices.push(sentence);
        }
      }
    }
    declare(id, 'PERSON', name, offices);
  }

  for (const event of range(slice(counts.events, counts.documents, index))) {
    const name = eventNameOf(event);
    const id = syntheticId('event', event);
    const region = anyRegion();
    const date = eventDate(event);
    const sentence = say(`The ${name.en} (${name.ru}) was held in ${regionOf(region).en} on ${date}.`);
    declare(id, 'EVENT', name, sentence, {
      attributes: [{ key: 'date', value: date, evidence: sentence, basis: 'STATED' }],
    });
    relate('HELD_IN', id, syntheticId('region', region), sentence);
    const participants = distinct(random.int(20, 60), () =>
      random.chance(0.7)
        ? syntheticId('organization', random.skewedIndex(counts.organizations, 3))
        : syntheticId('person', random.int(0, counts.people - 1)),
    );
    for (let start = 0; start < participants.length; start += PARTICIPANTS_PER_SENTENCE) {
      const group = participants.slice(start, start + PARTICIPANTS_PER_SENTENCE);
      const sentence = say(
        `Participants of the ${name.en} included ${group
          .map(nameOfId)
          .map((n) => n.en)
          .join(', ')}.`,
      );
      group.forEach((participant, position) =>
        relate('PARTICIPATED_IN', participant, id, sentence, start + position === 0 ? 'organizer' : 'participant'),
      );
    }
  }

  for (const project of range(slice(counts.projects, counts.documents, index))) {
    const name = projectName(project);
    const id = syntheticId('project', project);
    const region = anyRegion();
    const investment = 5 * random.int(1, 400);
    const sentence = say(
      `The ${name.en} (${name.ru}) in ${regionOf(region).en} plans an investment of ${investment} million dollars.`,
    );
    declare(id, 'PROJECT', name, sentence, {
      attributes: [{ key: 'investment', value: investment, unit: 'million USD', evidence: sentence, basis: 'STATED' }],
    });
    relate('LOCATED_IN', id, syntheticId('region', region), sentence);
  }

  for (const agreement of range(slice(counts.agreements, counts.documents, index))) {
    const name = agreementName(agreement);
    const id = syntheticId('agreement', agreement);
    const parties = distinct(random.int(2, 5), () => {
      const draw = random.next();
      if (draw < 0.85) return syntheticId('organization', random.skewedIndex(counts.organizations, 3));
      if (draw < 0.95) return syntheticId('region', random.skewedIndex(counts.regions, 2));
      return syntheticId('country', random.int(0, counts.countries - 1));
    });
    const event = random.chance(0.9) ? anyEvent() : null;
    const signedOn = event === null ? dateOf(3, agreement) : eventDate(event);
    const where = event === null ? '' : ` at the ${eventNameOf(event).en}`;
    const sentence = say(
      `On ${signedOn}, ${parties.map((party) => nameOfId(party).en).join(', ')} signed the ${name.en} (${name.ru})${where}.`,
    );
    declare(id, 'AGREEMENT', name, sentence, {
      attributes: [{ key: 'signedOn', value: signedOn, evidence: sentence, basis: 'STATED' }],
    });
    for (const party of parties) relate('PARTY_TO', party, id, sentence, random.pick(PARTY_ROLES));
    if (event !== null) relate('SIGNED_AT', id, syntheticId('event', event), sentence);
    const signatories = distinct(random.int(1, 3), () => syntheticId('person', random.int(0, counts.people - 1)));
    const signed = say(
      `The ${name.en} was signed by ${signatories.map((person) => nameOfId(person).en).join(' and ')}.`,
    );
    for (const person of signatories) relate('SIGNATORY_OF', person, id, signed);
    if (random.chance(0.3)) {
      const project = random.int(0, counts.projects - 1);
      const concerns = say(`The ${name.en} concerns the ${projectName(project).en}.`);
      relate('CONCERNS', id, syntheticId('project', project), concerns);
    }
  }

  for (const statement of range(slice(counts.statements, counts.documents, index))) {
    const speaker = random.int(0, counts.people - 1);
    const event = anyEvent();
    const region = anyRegion();
    const text = `We will deepen cooperation in ${random.pick(TOPICS)} with ${regionOf(region).en}.`;
    const sentence = say(`${personName(speaker).en} said at the ${eventNameOf(event).en}: «${text}»`);
    const id = syntheticId('statement', statement);
    declare(
      id,
      'STATEMENT',
      { en: `Statement ${statement} by ${personName(speaker).en}`, ru: `Заявление ${statement}` },
      sentence,
      { text },
    );
    relate('SPOKE', syntheticId('person', speaker), id, sentence);
    relate('STATED_AT', id, syntheticId('event', event), sentence);
  }

  const text = `Synthetic cooperation digest ${index}.\n\n${sentences.join('\n')}\n`;
  return {
    text,
    document: {
      source: {
        id: syntheticId('source', index),
        title: `Synthetic cooperation digest ${index}`,
        publisher: 'coopgraph generator',
        publishedOn: dateOf(4, index),
        language: 'en',
        contentSha256: createHash('sha256').update(text).digest('hex'),
      },
      entities,
      relations,
    },
  };

  function nameOfId(id: string): SyntheticName {
    const [prefix, slug] = id.split('/') as [string, string];
    const entityIndex = Number(slug.slice('syn-'.length));
    switch (prefix) {
      case 'organization':
        return organizationName(entityIndex);
      case 'person':
        return personName(entityIndex);
      case 'region':
        return regionOf(entityIndex);
      case 'country':
        return countryName(entityIndex);
      default:
        throw new Error(`no synthetic name for ${id}`);
    }
  }
}
