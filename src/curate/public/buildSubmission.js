import { idOf } from './slugOf.js';

/**
 * The page's review as one `SubmitSourceInput`. Fact ends are refs: `id:<entity id>` for a known or searched-for
 * entity, `group:<key>` for a proposed one (written when accepted, or as the entity it was merged into). Returns
 * the input, the review item behind each entity and relation (to name them in errors) and the problems that keep it
 * from being sent.
 */
export function buildSubmission(state) {
  const problems = [];
  const lang = state.source.language === 'kk' ? 'kk' : 'ru';
  const entries = new Map();
  const entityLabels = new Map();
  const relations = [];
  const relationLabels = [];
  const groups = new Map(state.groups.map((group) => [group.key, group]));

  const spans = (mentions) =>
    [...new Set(mentions.map((mention) => mention.text.trim()))].filter((text) => text.length >= 3);
  const entry = (id, kind, label) => {
    if (!entries.has(id)) {
      entries.set(id, { id, kind, aliases: [], excerpts: [], attributes: [] });
      entityLabels.set(id, label);
    }
    return entries.get(id);
  };
  const addAll = (list, items) => items.forEach((item) => list.includes(item) || list.push(item));

  for (const group of state.groups) {
    if (group.status === 'accepted') {
      const accepted = entry(group.id, group.kind, `«${group.name}»`);
      accepted.names = { [lang]: group.name };
      addAll(accepted.excerpts, spans(group.mentions));
    } else if (group.status === 'merged') {
      const merged = entry(group.target.id, group.target.kind, `«${group.name}» merged into ${group.target.id}`);
      if (group.name !== group.target.name) addAll(merged.aliases, [group.name]);
      addAll(merged.excerpts, spans(group.mentions));
    }
  }

  /** An end as `{ id, kind, label }`, its entity entry made when the text names it; null (with a problem) if unusable. */
  const resolve = (ref, what) => {
    if (ref?.startsWith('group:')) {
      const group = groups.get(ref.slice(6));
      if (group?.status === 'accepted') return { id: group.id, kind: group.kind, label: group.name };
      if (group?.status === 'merged') return { id: group.target.id, kind: group.target.kind, label: group.target.name };
      problems.push(`${what}: accept «${group?.name ?? '?'}» or merge it into a known entity first`);
      return null;
    }
    const id = ref?.startsWith('id:') ? ref.slice(3) : '';
    const known = state.known.get(id);
    if (known) {
      addAll(entry(id, known.kind, known.name).excerpts, spans(known.mentions));
      return { id, kind: known.kind, label: known.name };
    }
    const picked = state.picked.get(id);
    if (picked) return { id, kind: picked.kind, label: picked.name };
    problems.push(`${what}: choose an entity`);
    return null;
  };

  for (const fact of state.facts) {
    if (fact.status !== 'accepted') continue;
    const what = `Fact ${fact.n} (${fact.kind === 'attribute' ? fact.key || 'attribute' : fact.type || fact.kind})`;
    const excerpts = [fact.excerpt.text];
    if (fact.kind === 'relation') {
      const [from, to] = [resolve(fact.from, what), resolve(fact.to, what)];
      if (!from || !to) continue;
      relations.push({
        type: fact.type.trim(),
        fromId: from.id,
        toId: to.id,
        ...(fact.role?.trim() ? { role: fact.role.trim() } : {}),
        excerpts,
      });
      relationLabels.push(`${what}: ${from.label} → ${to.label}`);
    } else if (fact.kind === 'attribute') {
      const subject = resolve(fact.from, what);
      if (!subject) continue;
      const target = entry(subject.id, subject.kind, subject.label);
      const number = Number(String(fact.value).replace(/\s/g, '').replace(',', '.'));
      const value =
        String(fact.value).trim() !== '' && Number.isFinite(number) ? { number } : { value: String(fact.value) };
      target.attributes.push({
        key: fact.key.trim(),
        ...value,
        ...(fact.unit?.trim() ? { unit: fact.unit.trim() } : {}),
        excerpts,
      });
      if (target.excerpts.length === 0) target.excerpts.push(fact.excerpt.text);
    } else {
      const speaker = resolve(fact.from, what);
      if (!speaker) continue;
      const id = idOf('STATEMENT', fact.name || fact.excerpt.text.slice(0, 60));
      const statement = entry(id, 'STATEMENT', `${what}: «${fact.name}»`);
      statement.names = { [lang]: fact.name.trim() || fact.excerpt.text.slice(0, 60) };
      statement.text = fact.excerpt.text;
      addAll(statement.excerpts, excerpts);
      relations.push({ type: 'SPOKE', fromId: speaker.id, toId: id, excerpts });
      relationLabels.push(`${what}: ${speaker.label} spoke`);
    }
  }
  for (const [id, item] of entries) {
    if (item.excerpts.length === 0)
      problems.push(`${entityLabels.get(id)}: select an excerpt of 3 characters or more that names it`);
    if (item.attributes.length === 0) delete item.attributes;
    if (item.aliases.length === 0) delete item.aliases;
  }
  const { id, title, publishedOn, language, publisher, url } = state.source;
  const source = {
    id: id.trim(),
    title: title.trim(),
    publishedOn,
    language,
    ...(publisher.trim() ? { publisher: publisher.trim() } : {}),
    ...(url.trim() ? { url: url.trim() } : {}),
    // Kept with the source, so the server checks every excerpt against it.
    text: state.text,
  };
  return {
    input: { source, entities: [...entries.values()], relations },
    entityLabels: [...entityLabels.values()],
    relationLabels,
    problems,
  };
}
