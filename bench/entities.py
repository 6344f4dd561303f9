"""Named entities on CoNLL-2003 test: per-type P/R/F1, bare spaCy NER and after `mentions_in`.

Each CoNLL sentence's tokens become `Doc(nlp.vocab, words=tokens)` and go through the
pipeline of `load_nlp(MODEL)` (sentencizer, tok2vec, tagger, attribute_ruler, ner: the
same model and excludes as the generator), so spans are in CoNLL's tokenisation.

Label mapping spaCy -> CoNLL: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, NORP -> MISC;
every other spaCy label (DATE, CARDINAL, EVENT, PRODUCT ...) is dropped. A second "bare"
row (wide MISC) also maps EVENT, PRODUCT, WORK_OF_ART, LAW and LANGUAGE to MISC, for
reference only: `mentions_in` keeps none of those labels.

Matching: exact span (same first and last token) and same type; micro P/R/F1 per type,
then over all four types, and over PER/ORG/LOC (MISC is only partly expressible in spaCy's
scheme).

"ours" = the mentions `generator.extract.entities.mentions_in(sent)` returns for each
sentence spaCy finds in the Doc. A mention carries its normalised text (titles, a leading
"the", a trailing "'s" and edge punctuation removed), not its offsets, so each mention is
aligned back to the spaCy entity it came from (same order, same label,
`normalise_name(ent) == mention.text`) and its span is the part of that entity holding the
normalised text, widened to whole tokens. The comparison with bare spaCy therefore shows
exactly what the filters and the normalisation gain or lose.

Usage: .venv/bin/python bench/entities.py [conll2003/test.txt] [--limit N] [--examples 10]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from _data import CONLL_TEST, MODEL, mentions_of, prf, read_conll, stamp, stamp_line
from spacy.tokens import Doc, Span

from generator.extract.entities import TYPES, normalise_name
from generator.extract.nlp import load_nlp

MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC"}
WIDE_MAP = {**MAP, "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
            "LANGUAGE": "MISC"}
CONLL_TYPES = ("PER", "ORG", "LOC", "MISC")

Spans = set[tuple[int, int, int, str]]  # (sentence, start, end, type)


def gold_spans(index: int, tags: list[str]) -> Spans:
    spans: Spans = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and (tag == "O" or tag.startswith("B-") or tag[2:] != kind):
            spans.add((index, start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return spans


def bare_spans(index: int, doc: Doc, mapping: dict[str, str]) -> Spans:
    return {(index, e.start, e.end, mapping[e.label_]) for e in doc.ents if e.label_ in mapping}


def our_spans(index: int, doc: Doc) -> tuple[Spans, list[tuple[Span, str]]]:
    """Spans of the kept mentions, and the spaCy entities that were filtered out (with the name)."""
    spans: Spans = set()
    dropped: list[tuple[Span, str]] = []
    for sent in doc.sents:
        mentions = mentions_of(sent)
        k = 0
        for ent in sent.ents:
            if ent.label_ not in TYPES:
                continue
            name = normalise_name(ent.text, ent.label_)
            if k < len(mentions) and mentions[k].label == ent.label_ and mentions[k].text == name:
                k += 1
                offset = ent.text.find(name)
                span = None
                if name and offset >= 0:
                    span = doc.char_span(ent.start_char + offset, ent.start_char + offset + len(name),
                                         alignment_mode="expand")
                span = span if span is not None else ent
                spans.add((index, span.start, span.end, MAP[ent.label_]))
            else:
                dropped.append((ent, name))
        if k != len(mentions):
            raise RuntimeError(f"could not align mentions {mentions[k:]} in {sent.text!r}")
    return spans, dropped


def table(name: str, predicted: Spans, gold: Spans) -> None:
    print(f"\n{name}")
    print(f"  {'type':6s}{'gold':>7s}{'pred':>7s}{'P':>8s}{'R':>8s}{'F1':>8s}")
    for label in (*CONLL_TYPES, "all", "no MISC"):
        keep = CONLL_TYPES if label == "all" else ("PER", "ORG", "LOC") if label == "no MISC" else (label,)
        g = {s for s in gold if s[3] in keep}
        p = {s for s in predicted if s[3] in keep}
        precision, recall, f1 = prf(len(g & p), len(p), len(g))
        print(f"  {label:6s}{len(g):7d}{len(p):7d}{precision * 100:8.2f}{recall * 100:8.2f}{f1 * 100:8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=str(CONLL_TEST), help="CoNLL-2003 test.txt")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument("--examples", type=int, default=10, help="examples of each error kind")
    args = parser.parse_args()

    sentences = read_conll(args.path)[:args.limit]
    nlp = load_nlp(MODEL)
    code = stamp()
    started = time.perf_counter()
    gold: Spans = set()
    bare: Spans = set()
    wide: Spans = set()
    ours: Spans = set()
    dropped: list[tuple[int, Span, str]] = []
    docs = nlp.pipe(Doc(nlp.vocab, words=tokens) for tokens, _ in sentences)
    kept_docs: list[Doc] = []
    for index, ((_, tags), doc) in enumerate(zip(sentences, docs, strict=True)):
        kept_docs.append(doc)
        gold |= gold_spans(index, tags)
        bare |= bare_spans(index, doc, MAP)
        wide |= bare_spans(index, doc, WIDE_MAP)
        spans, lost = our_spans(index, doc)
        ours |= spans
        dropped.extend((index, ent, name) for ent, name in lost)
    print(f"CoNLL-2003 test: {len(sentences)} sentences, {sum(len(t) for t, _ in sentences)} tokens, "
          f"{len(gold)} gold entities, {time.perf_counter() - started:.0f}s")
    print(stamp_line(code))
    table("bare spaCy NER (PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, NORP->MISC)", bare, gold)
    table("bare spaCy NER, wide MISC (+EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE)", wide, gold)
    table("ours: mentions_in (filters + name normalisation), same mapping", ours, gold)

    untyped = {s[:3]: s[3] for s in gold}
    confusion = Counter((untyped[s[:3]], s[3]) for s in bare - gold if s[:3] in untyped)
    print("\nbare spaCy: right span, wrong type (gold -> spaCy):",
          ", ".join(f"{g}->{p} {n}" for (g, p), n in confusion.most_common()))

    lost = sorted((bare & gold) - ours)
    gained = sorted(ours & gold - bare)
    removed = (bare - gold) - ours
    print(f"\nours vs bare: {len(lost)} correct entities lost, {len(gained)} gained (span fixed by "
          f"normalisation), {len(removed)} wrong ones removed, {len(ours - gold - bare)} new wrong ones")
    reasons: Counter[str] = Counter()
    by_span = {(i, e.start, e.end): name for i, e, name in dropped}
    examples: dict[str, list[str]] = {}
    for index, start, end, kind in lost:
        tokens = sentences[index][0]
        text = " ".join(tokens[start:end])
        if (index, start, end) in by_span:
            name = by_span[index, start, end]
            reason = _drop_reason(name)
            shown = f"{text!r} ({kind}) -> {name!r}"
        else:
            reason = "kept, but span changed by normalisation"
            changed = [s for s in ours if s[0] == index and s[1] < end and s[2] > start]
            shown = f"{text!r} ({kind}) -> " + ", ".join(repr(" ".join(tokens[s[1]:s[2]])) for s in changed)
        reasons[reason] += 1
        if shown not in {e[0] for e in examples.get(reason, [])}:
            examples.setdefault(reason, []).append((shown, " ".join(tokens)[:100]))
    for reason, count in reasons.most_common():
        print(f"  {count:4d}  {reason}")
        for shown, sentence in examples[reason][:args.examples]:
            print(f"          {shown}   in: {sentence}")
    removed_reasons = Counter(_drop_reason(name) for i, e, name in dropped
                              if (i, e.start, e.end, MAP[e.label_]) in removed)
    print("  wrong ones removed, by filter: "
          + ", ".join(f"{r} {n}" for r, n in removed_reasons.most_common()))
    new_wrong = sorted(ours - gold - bare)
    typed_wrong = sum(1 for s in new_wrong if s[:3] in untyped)
    print(f"  new wrong ones: span changed by normalisation, {typed_wrong} of {len(new_wrong)} now the gold "
          "span with the wrong type:")
    for index, start, end, kind in new_wrong[:args.examples]:
        tokens = sentences[index][0]
        gold_kind = untyped.get((index, start, end), "no gold span")
        print(f"          {' '.join(tokens[start:end])!r} ({kind}, gold {gold_kind})   "
              f"in: {' '.join(tokens)[:90]}")


def _drop_reason(name: str) -> str:
    if len(name) < 2:
        return "dropped: shorter than 2 characters"
    if not name[0].isupper():
        return "dropped: does not start with an upper-case letter"
    if any(c.isdigit() for c in name):
        return "dropped: contains a digit"
    if name.isupper() and len(name) > 5:
        return "dropped: all upper-case and longer than 5 characters"
    return "dropped: furniture or title word"


if __name__ == "__main__":
    main()
