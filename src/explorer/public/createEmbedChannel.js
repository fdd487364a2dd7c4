/**
 * The embed's side of its conversation with the page around it, over `postMessage` (schema: src/explorer/README.md,
 * "Embed messages"). Events go to the parent window as `{ source: 'coopgraph', version: 1, type, ... }`; commands
 * are read only from the parent, as `{ target: 'coopgraph', type, ... }`. A command that cannot be carried out
 * answers an `error` event naming it. Nothing here is secret: events carry ids and names the page could read anyway.
 */
export function createEmbedChannel({ onCommand, parent = window.parent, self = window }) {
  const embedded = parent && parent !== self;
  const post = (type, detail = {}) => {
    if (embedded) parent.postMessage({ source: 'coopgraph', version: 1, type, ...detail }, '*');
  };
  self.addEventListener('message', async (event) => {
    if (!embedded || event.source !== parent) return;
    const message = event.data;
    if (!message || typeof message !== 'object' || message.target !== 'coopgraph') return;
    try {
      const problem = await onCommand(message);
      if (problem) post('error', { command: String(message.type), message: problem });
    } catch (error) {
      post('error', { command: String(message.type), message: error.message });
    }
  });
  return { post };
}
