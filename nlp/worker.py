"""The text-analysis worker: one JSON request per stdin line, one JSON response per stdout line.

Requests: {"id": n, "op": ..., ...}; responses: {"id": n, "result": ...} or {"id": n, "error": "..."}.
Operations:
  ping                      -> "pong"
  lemmas    {"words": [...]} -> [{"lemma": str, "known": bool}] : dictionary forms (pymorphy3)
  tokens    {"text": str}    -> [{"start", "end", "text"}]       : words and punctuation (razdel)
  entities  {"text": str}    -> [{"start", "end", "type"}]       : PER/LOC/ORG spans (natasha news NER)
  analyze   {"text": str}    -> {"tokens", "sentences", "entities"}: the three above in one round trip (sentences: razdel)
  nominative {"phrases": [{"text", "type"}]} -> [str]             : each phrase in the nominative case (pymorphy3)
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


def sentences(text):
    from razdel import sentenize

    offsets = utf16_offsets(text)
    return [{"start": offsets[s.start], "end": offsets[s.stop], "text": s.text} for s in sentenize(text)]


QUOTES_OPEN = set("«„“")
QUOTES_CLOSE = set("»”")
PERSON_TAGS = {"Name", "Surn", "Patr"}
WORD_CHARACTERS = "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"


def restore_case(original, inflected):
    """`inflected` with the capitals of `original` at the same positions («Алма-Атинской» -> «Алма-Атинская»)."""
    if original.isupper() and len(original) > 1:
        return inflected.upper()
    return "".join(c.upper() if i < len(original) and original[i].isupper() else c for i, c in enumerate(inflected))


def gender_of(parse):
    """The parse's gender as a plain string; "ms-f" for a common-gender word («Самрук-Казыны»)."""
    if "ms-f" in parse.tag:
        return "ms-f"
    return str(parse.tag.gender) if parse.tag.gender else None


def person_nominative(words):
    """A person's name words in the nominative: the gender and case most words agree on decide each word's parse
    («Марата Султангазиева» is masculine genitive, so «Султангазиева» is not taken for a feminine nominative)."""
    parses = [MORPH.parse(w.lower()) for w in words]
    best_key, best_score = None, -1.0
    candidates = {(gender_of(p), str(p.tag.case)) for ps in parses for p in ps if p.tag.POS == "NOUN"}
    for gender, case in candidates:
        score = 0.0
        for ps in parses:
            fits = [p for p in ps if p.tag.POS == "NOUN" and str(p.tag.case) == case and gender_of(p) in (gender, "ms-f")]
            if fits:
                score += 1 + max(p.score for p in fits) + (0.5 if any(PERSON_TAGS & set(p.tag.grammemes) for p in fits) else 0)
        if score > best_score:
            best_key, best_score = (gender, case), score
    out = []
    for word, ps in zip(words, parses):
        fits = [p for p in ps if best_key and p.tag.POS == "NOUN" and str(p.tag.case) == best_key[1] and gender_of(p) in (best_key[0], "ms-f")]
        fits.sort(key=lambda p: -(p.score + (1 if PERSON_TAGS & set(p.tag.grammemes) else 0)))
        inflected = fits[0].inflect({"nomn", "sing"}) if fits and fits[0].tag.case != "nomn" else None
        out.append(restore_case(word, inflected.word) if inflected else word)
    return out


def phrase_nominative(words, quoted):
    """A noun phrase in the nominative: the adjectives before its first noun agree with it; the words after it
    (genitive attributes: «губернатора Московской области») and quoted names stay as written."""
    out = list(words)
    head = None
    for i, word in enumerate(words):
        if quoted[i]:
            continue
        parses = MORPH.parse(word.lower())
        if not parses:
            break
        nouns = [p for p in parses if p.tag.POS == "NOUN"]
        adjectives = [p for p in parses if p.tag.POS in ("ADJF", "PRTF")]
        if adjectives and (not nouns or adjectives[0].score >= nouns[0].score):
            continue
        if nouns:
            head = (i, nouns[0])
        break
    if head is None:
        return out
    index, noun = head
    number = noun.tag.number or "sing"
    inflected = noun.inflect({"nomn", number}) if noun.tag.case != "nomn" else None
    if inflected:
        out[index] = restore_case(words[index], inflected.word)
    agree = {"nomn", number} | ({noun.tag.gender} if number == "sing" and noun.tag.gender else set())
    for i in range(index):
        adjectives = [p for p in MORPH.parse(words[i].lower()) if p.tag.POS in ("ADJF", "PRTF")]
        fitting = [p for p in adjectives if p.tag.case == noun.tag.case] or adjectives
        if fitting:
            form = fitting[0].inflect(agree)
            if form:
                out[i] = restore_case(words[i], form.word)
    return out


def nominative(phrase):
    """The phrase with its words put in the nominative, its punctuation and spacing kept."""
    from razdel import tokenize

    text = phrase["text"]
    parts = list(tokenize(text))
    depth = 0
    words, quoted, positions = [], [], []
    for part in parts:
        if part.text in QUOTES_OPEN or (part.text == '"' and depth == 0):
            depth += 1
            continue
        if part.text in QUOTES_CLOSE or part.text == '"':
            depth = max(0, depth - 1)
            continue
        if any(c.lower() in WORD_CHARACTERS for c in part.text):
            words.append(part.text)
            quoted.append(depth > 0)
            positions.append(part)
    if phrase.get("type") == "PER":
        forms = person_nominative(words)
    else:
        forms = phrase_nominative(words, quoted)
    result, at = [], 0
    for part, form in zip(positions, forms):
        result.append(text[at:part.start])
        result.append(form)
        at = part.stop
    result.append(text[at:])
    return "".join(result)


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
    if op == "analyze":
        text = request["text"]
        return {"tokens": tokens(text), "sentences": sentences(text), "entities": entities(text)}
    if op == "nominative":
        return [nominative(phrase) for phrase in request["phrases"]]
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
