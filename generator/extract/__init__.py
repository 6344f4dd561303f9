"""Extract: keywords, key figures and entity mentions from one clean article.

`extract()` is the per-article unit of work that the pipeline caches and maps
over a process pool; corpus-level entity merging lives in `entities.merge`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import source_version
from generator.extract.dates import event_dates
from generator.extract.entities import mentions_in
from generator.extract.figures import figures_in
from generator.extract.keywords import keywords_for
from generator.extract.nlp import load_nlp
from generator.model import Article, Extraction, Figure, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

STAGE_VERSION = source_version(*sorted(Path(__file__).parent.glob("*.py")))


def extract(article: Article, model: str, keywords: int) -> Extraction:
    nlp = load_nlp(model)
    docs = list(nlp.pipe(article.paragraphs))
    mentions = []
    figures: list[Figure] = []
    sentences: list[Sentence] = []
    for index, doc in enumerate(docs):
        for sent, text in sentence_texts(doc):
            found = figures_in(sent, text, article.id, article.date)
            numbers = tuple(range(len(figures), len(figures) + len(found)))
            figures.extend(found)
            mentions.extend(mentions_in(sent, text))
            sentences.append(Sentence(text, article.id, index, (), event_dates(text), numbers))
    # Headings are tagged too, or keywords from a title alone would have no part of speech.
    headings = list(nlp.pipe([article.title, *article.headings]))
    return Extraction(
        keywords=keywords_for(article, headings, docs, mentions, keywords),
        figures=tuple(figures),
        mentions=tuple(mentions),
        sentences=tuple(sentences),
    )


def sentence_texts(doc: Doc) -> list[tuple[Span, str]]:
    """Sentences with their text; an opening quote the splitter left at the end of one
    sentence ('releases. "') is moved to the start of the next."""
    found = []
    carry = ""
    for sent in doc.sents:
        text = carry + sent.text.strip()
        carry = ""
        if text.endswith((' "', " “")):
            carry, text = text[-1], text[:-2].rstrip()
        if text.strip(" \"“”"):
            found.append((sent, text))
    return found
