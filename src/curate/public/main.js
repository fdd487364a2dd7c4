import { h, replaceChildren } from '../../explore/assets/dom.js';
import { buildSubmission } from './buildSubmission.js';
import { createEditorClient, EditorRequestError } from './createEditorClient.js';
import { createKeyPanel } from './createKeyPanel.js';
import { ANALYZE_QUERY, CHECK_KEY_QUERY, SEARCH_QUERY, SUBMIT_MUTATION } from './queries.js';
import { renderEntityReview } from './renderEntityReview.js';
import { renderFactReview } from './renderFactReview.js';
import { renderMarkedText, selectionOffsets } from './renderMarkedText.js';
import { renderSelectionForm } from './renderSelectionForm.js';
import { renderSubmitPanel } from './renderSubmitPanel.js';
import { createReviewState, refLabel } from './reviewState.js';
import { idOf } from './slugOf.js';

const byId = (id) => document.getElementById(id);
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
const endpoint = new URL(meta('coopgraph-graphql') || '/graphql', window.location.href).href;
/** Relation types the seeds use, offered while typing one (any UPPER_SNAKE_CASE type is accepted). */
const RELATION_TYPES = [
  'PARTY_TO',
  'SIGNATORY_OF',
  'SIGNED_AT',
  'CONCERNS',
  'HOLDS_OFFICE',
  'PARTICIPATED_IN',
  'LOCATED_IN',
  'PART_OF',
  'BASED_IN',
  'DEVELOPS',
  'PARTNER_IN',
  'HELD_IN',
  'HELD_AT',
  'STATED_AT',
  'SPOKE',
  'VISITED',
  'REPORTED',
];

const status = byId('status');
const keyPanel = createKeyPanel(byId('key'), {
  check: checkKey,
  onChange: (has) => (byId('analyze').disabled = !has),
});
const request = createEditorClient(endpoint, keyPanel.getKey);
byId('analyze').disabled = !keyPanel.hasKey();
document.body.append(
  h('datalist', { id: 'relation-types' }, ...RELATION_TYPES.map((type) => h('option', { value: type }))),
);

let state = null;

/** Null when `key` is an editor's; otherwise what is wrong with it, in words. */
async function checkKey(key) {
  try {
    await createEditorClient(endpoint, () => key)(CHECK_KEY_QUERY);
    return null;
  } catch (error) {
    if (error.code === 'BAD_USER_INPUT' || error.code === 'SERVICE_UNAVAILABLE') return null;
    if (error.code === 'UNAUTHENTICATED') return 'This key is unknown or revoked: check it, or ask for a new one.';
    if (error.code === 'FORBIDDEN') return 'This key may read but not curate: curation needs an editor key.';
    return error.message;
  }
}

/** Shows an error; a key the server no longer accepts is forgotten, so that the next one can be entered. */
function fail(error) {
  const message =
    error instanceof EditorRequestError ? error.message : 'Something went wrong on this page. Reload it and retry.';
  if (error?.code === 'UNAUTHENTICATED')
    keyPanel.forget('The server no longer accepts this key: enter it again or another one.');
  status.textContent = message;
  status.className = 'status error';
}

async function search(text) {
  const data = await request(SEARCH_QUERY, { query: text });
  return data.search.map(({ entity }) => ({ id: entity.id, kind: entity.kind, name: entity.name }));
}

byId('file').addEventListener('change', async (event) => {
  const [file] = event.target.files ?? [];
  if (file) byId('text').value = await file.text();
});

byId('analyze').addEventListener('click', async () => {
  const text = byId('text').value;
  const language = byId('language').value || null;
  status.textContent = 'Analysing…';
  status.className = 'status';
  try {
    const { analyzeText } = await request(ANALYZE_QUERY, { text, language });
    const previous = state?.source;
    state = createReviewState(text, analyzeText, idOf);
    state.source = previous ?? {
      id: '',
      title: '',
      publishedOn: '',
      publisher: '',
      url: '',
      language: language === 'KK' ? 'kk' : 'ru',
    };
    status.textContent = `${analyzeText.mentions.length} mentions, ${analyzeText.proposals.length} proposed facts.`;
    for (const id of ['reading', 'entities', 'facts', 'submit']) byId(id).hidden = false;
    renderSubmitPanel(byId('submit'), state, { submit });
    redraw();
  } catch (error) {
    fail(error);
  }
});

function redraw() {
  renderMarkedText(
    byId('marked'),
    state.text,
    state.groups
      .flatMap((group) => group.mentions)
      .concat([...state.known.values()].flatMap((entity) => entity.mentions)),
    (mention) =>
      mention.entity
        ? { className: 'known', title: `${mention.entity.name} (${mention.entity.id})` }
        : { className: 'proposed', title: `Proposed ${mention.proposedKind.toLowerCase()}: ${mention.proposedName}` },
  );
  renderEntityReview(byId('entities'), state, { search, changed: redraw });
  renderFactReview(byId('facts'), state, { changed: redraw });
}

function onSelect() {
  if (!state) return;
  const span = selectionOffsets(byId('marked'), state.text);
  if (!span) return;
  renderSelectionForm(byId('selection'), state, span, {
    search,
    add: (fact) => {
      state.facts.push({ ...fact, n: state.facts.length + 1, origin: 'selection', status: 'accepted' });
      byId('selection').hidden = true;
      status.textContent = `Fact ${state.facts.length} added: ${refLabel(state, fact.from)}.`;
      redraw();
    },
    cancel: () => (byId('selection').hidden = true),
  });
}
byId('marked').addEventListener('mouseup', onSelect);
byId('marked').addEventListener('keyup', (event) => event.shiftKey && onSelect());

async function submit() {
  const { input, problems, entityLabels, relationLabels } = buildSubmission(state);
  if (problems.length > 0) throw problems;
  try {
    const { submitSource } = await request(SUBMIT_MUTATION, { input });
    const { change } = submitSource;
    status.textContent = `Submitted: change ${change.id}.`;
    return {
      change,
      counts: {
        entities: change.entityIds.length - 1,
        relations: change.relationIds.length,
        attributes: change.attributeIds.length,
      },
    };
  } catch (error) {
    if (!(error instanceof EditorRequestError)) throw ['Something went wrong on this page. Reload it and retry.'];
    if (error.code === 'UNAUTHENTICATED') fail(error);
    throw error.problems.length > 0
      ? error.problems.map((problem) => withItem(problem, entityLabels, relationLabels))
      : [error.message];
  }
}

/** A server problem (`input.relations[2].type: …`) with the review item it is about. */
function withItem(problem, entityLabels, relationLabels) {
  const match = /^input\.(entities|relations)\[(\d+)\]/.exec(problem);
  const label = match && (match[1] === 'entities' ? entityLabels : relationLabels)[Number(match[2])];
  return label ? `${problem} (${label})` : problem;
}

replaceChildren(status);
