/** Default attribute keys and units for the analysis' units; the editor may change them. */
const UNIT_ATTRIBUTES = {
  m2: { key: 'area', unit: 'm²' },
  ha: { key: 'area', unit: 'ha' },
  jobs: { key: 'jobsCreated', unit: 'jobs' },
  RUB: { key: 'investment', unit: 'RUB' },
  KZT: { key: 'investment', unit: 'KZT' },
  USD: { key: 'investment', unit: 'USD' },
  '%': { key: 'share', unit: '%' },
  t: { key: 'volume', unit: 't' },
};

/**
 * The review of one analysis: proposed entities grouped by kind and name (`groups`), the known entities the text
 * names (`known`), entities found by search (`picked`) and facts (`facts`: the proposals, then the editor's own).
 */
export function createReviewState(text, analysis, idOf) {
  const groups = new Map();
  const known = new Map();
  for (const mention of analysis.mentions) {
    if (mention.entity) {
      const { id, kind, name } = mention.entity;
      if (!known.has(id)) known.set(id, { id, kind, name, mentions: [] });
      known.get(id).mentions.push(mention);
    } else if (mention.proposedKind) {
      const key = `${mention.proposedKind}:${mention.proposedName}`;
      if (!groups.has(key))
        groups.set(key, {
          key,
          kind: mention.proposedKind,
          name: mention.proposedName,
          id: idOf(mention.proposedKind, mention.proposedName),
          status: 'pending',
          target: null,
          mentions: [],
        });
      groups.get(key).mentions.push(mention);
    }
  }
  const refOf = (mention) =>
    mention.entity ? `id:${mention.entity.id}` : `group:${mention.proposedKind}:${mention.proposedName}`;
  const facts = analysis.proposals.map((proposal, index) => {
    const common = { n: index + 1, origin: 'proposal', status: 'pending', excerpt: proposal.excerpt };
    if (proposal.type !== 'ATTRIBUTE')
      return {
        ...common,
        kind: 'relation',
        type: proposal.type,
        from: refOf(proposal.from),
        to: refOf(proposal.to),
        role: proposal.role ?? '',
      };
    const defaults = UNIT_ATTRIBUTES[proposal.unit] ?? { key: 'figure', unit: proposal.unit ?? '' };
    return { ...common, kind: 'attribute', from: refOf(proposal.from), value: String(proposal.value), ...defaults };
  });
  return { text, groups: [...groups.values()], known, picked: new Map(), facts };
}

/** What a ref names, for people: `Марат Султангазиев (proposed person)`. */
export function refLabel(state, ref) {
  if (ref?.startsWith('group:')) {
    const group = state.groups.find((candidate) => `group:${candidate.key}` === ref);
    if (!group) return '?';
    if (group.status === 'merged') return `${group.target.name} (${group.target.id})`;
    return `${group.name} (${group.status === 'accepted' ? group.id : `proposed ${group.kind.toLowerCase()}`})`;
  }
  const id = ref?.slice(3);
  const entity = state.known.get(id) ?? state.picked.get(id);
  return entity ? `${entity.name} (${id})` : '?';
}

/** Every entity a fact may name: known, proposed (not rejected) and searched-for ones, as `{ ref, label }`. */
export function entityChoices(state) {
  return [
    ...[...state.known.values()].map((entity) => `id:${entity.id}`),
    ...state.groups.filter((group) => group.status !== 'rejected').map((group) => `group:${group.key}`),
    ...[...state.picked.keys()].filter((id) => !state.known.has(id)).map((id) => `id:${id}`),
  ].map((ref) => ({ ref, label: refLabel(state, ref) }));
}
