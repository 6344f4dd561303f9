"""Extract: keywords, key figures and entity mentions from one clean article.

`extract()` is the per-article unit of work that the pipeline caches and maps
over a process pool; corpus-level entity merging lives in `entities.merge`.
"""

from __future__ import annotations

from generator.extract.dates import event_dates
from generator.extract.entities import mentions_in
from generator.extract.figures import figures_in
from generator.extract.keywords import keywords_for
from generator.extract.nlp import load_nlp
from generator.model import Article, Extraction, Figure, Sentence

STAGE_VERSION = "1"


def extract(article: Article, model: str, keywords: int) -> Extraction:
    nlp = load_nlp(model)
    docs = list(nlp.pipe(article.paragraphs))
    mentions = []
    figures: list[Figure] = []
    sentences: list[Sentence] = []
    for index, doc in enumerate(docs):
        for sent in doc.sents:
            text = _tidy(sent.text)
            if not text:
                continue
            found = figures_in(sent, article.id, article.date)
            numbers = tuple(range(len(figures), len(figures) + len(found)))
            figures.extend(found)
            mentions.extend(mentions_in(sent))
            sentences.append(Sentence(text, article.id, index, (), event_dates(text), numbers))
    return Extraction(
        keywords=keywords_for(article, docs, mentions, keywords),
        figures=tuple(figures),
        mentions=tuple(mentions),
        sentences=tuple(sentences),
    )


def _tidy(sentence: str) -> str:
    """Sentence text without the opening quote of the next sentence that the splitter left."""
    sentence = sentence.strip()
    if sentence.endswith((' "', " “")):
        sentence = sentence[:-2].rstrip()
    return sentence
