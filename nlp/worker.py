"""The text-analysis worker: one JSON request per stdin line, one JSON response per stdout line.

Requests: {"id": n, "op": ..., ...}; responses: {"id": n, "result": ...} or {"id": n, "error": "..."}.
Operations:
  ping                      -> "pong"
  lemmas    {"words": [...]} -> [{"lemma": str, "known": bool}] : dictionary forms (pymorphy3)
  tokens    {"text": str}    -> [{"start", "end", "text"}]       : words and punctuation (razdel)
  entities  {"text": str}    -> [{"start", "end", "type"}]       : PER/LOC/ORG spans (natasha news NER)
Offsets are in UTF-16 code units, as JavaScript strings count them. The worker prints {"ready": true} once
the analyser is loaded; the NER model loads on the first `entities` request, so start-up stays fast.
"""

import json
import sys

import pymorphy3

MORPH = pymorphy3.MorphAnalyzer()

# Parses tagged as proper names are preferred for a known word: «Воробьев» is the surname, not «воробей».
PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"}

_ner = None


def lemma(word):
    """The dictionary form of a word. For a word the dictionary lacks, the predictions disagree between its forms
    («агрохаб», «агрохаба»), so the shortest predicted normal form is taken: it is the one forms share."""
    lower = word.lower()
    parses = MORPH.parse(lower)
    known = MORPH.word_is_known(lower)
    if not parses:
        return {"lemma": lower, "known": known}
    if known:
        proper = [p for p in parses if PROPER & set(p.tag.grammemes)]
        best = (proper or parses)[0]
        return {"lemma": best.normal_form, "known": True}
    return {"lemma": min((p.normal_form for p in parses), key=lambda form: (len(form), form)), "known": False}


def utf16_offsets(text):
    """Maps each code-point index of `text` (and its end) to its UTF-16 offset."""
    offsets = [0]
    for character in text:
        offsets.append(offsets[-1] + (2 if ord(character) > 0xFFFF else 1))
    return offsets


def tokens(text):
    from razdel import tokenize

    offsets = utf16_offsets(text)
    return [{"start": offsets[t.start], "end": offsets[t.stop], "text": t.text} for t in tokenize(text)]


def entities(text):
    global _ner
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    if _ner is None:
        _ner = (Segmenter(), NewsNERTagger(NewsEmbedding()))
    segmenter, tagger = _ner
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    offsets = utf16_offsets(text)
    return [{"start": offsets[s.start], "end": offsets[s.stop], "type": s.type} for s in doc.spans]


def handle(request):
    op = request.get("op")
    if op == "ping":
        return "pong"
    if op == "lemmas":
        return [lemma(word) for word in request["words"]]
    if op == "tokens":
        return tokens(request["text"])
    if op == "entities":
        return entities(request["text"])
    raise ValueError(f"unknown op {op!r}")


def main():
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        request_id = None
        try:
            request = json.loads(line)
            request_id = request.get("id")
            response = {"id": request_id, "result": handle(request)}
        except Exception as error:  # noqa: BLE001 - every failure is answered, the worker keeps serving
            response = {"id": request_id, "error": f"{type(error).__name__}: {error}"}
        print(json.dumps(response, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
