import { h, replaceChildren } from '../../explore/assets/dom.js';

/**
 * Draws `text` with its mentions marked: each piece is one element holding one text node, with its offset in
 * `data-offset`, so a selection maps back to UTF-16 offsets of the text (`selectionOffsets`). A piece inside nested
 * mentions takes the innermost one's mark. `describe(mention)` gives `{ className, title }`.
 */
export function renderMarkedText(container, text, mentions, describe) {
  const points = new Set([0, text.length]);
  for (const mention of mentions) points.add(mention.start).add(mention.end);
  const sorted = [...points].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const [start, end] = [sorted[i], sorted[i + 1]];
    const covering = mentions
      .filter((mention) => mention.start <= start && mention.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    const piece = text.slice(start, end);
    if (!covering) {
      pieces.push(h('span', { 'data-offset': String(start) }, piece));
      continue;
    }
    const { className, title } = describe(covering);
    pieces.push(
      h(
        'mark',
        { class: className, title, 'data-offset': String(start), 'data-mention': String(covering.start) },
        piece,
      ),
    );
  }
  replaceChildren(container, ...pieces);
}

/** The selected span of the text drawn in `container`, whitespace at its ends left out; null when none is. */
export function selectionOffsets(container, text) {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  let start = offsetOf(container, range.startContainer, range.startOffset);
  let end = offsetOf(container, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

/** A DOM boundary (node, offset) as an offset into the text. */
function offsetOf(container, node, offset) {
  if (node === container) {
    const piece = container.childNodes[offset];
    return piece ? Number(piece.dataset.offset) : lastEnd(container);
  }
  const piece = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  if (!piece || piece.dataset.offset === undefined) return null;
  if (node.nodeType === Node.TEXT_NODE) return Number(piece.dataset.offset) + offset;
  // An element boundary: before its text (offset 0) or after it.
  return Number(piece.dataset.offset) + (offset === 0 ? 0 : piece.textContent.length);
}

function lastEnd(container) {
  const last = container.lastElementChild;
  return last ? Number(last.dataset.offset) + last.textContent.length : 0;
}
