"""Extract: keywords, key figures and entity mentions from each clean article.

`extract()` is the per-article unit of work; `extract_articles()` maps it over a process
pool for the articles the cache does not hold. Merging mentions into entities across the
corpus is the next stage, `generator.entities`.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from generator.cache import Cache, cached_map, source_version
from generator.config import Config
from generator.dates import event_dates
from generator.errors import BuildError, SetupError
from generator.executor import Pool, map_items, start_pool
from generator.extract.entities import mentions_in
from generator.extract.figures import figures_in
from generator.extract.keywords import keywords_for
from generator.extract.nlp import load_nlp
from generator.model import Article, Extraction, Figure, Problem, Sentence
from generator.text import abbreviation_ends, sentence_goes_on

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]


def start_workers(config: Config, expected: int) -> Pool:
    """Extraction processes that load spaCy while the build reads its caches, for the
    `expected` new or changed articles: a rebuild's one article then finds the model loaded."""
    return start_pool(config.executor, config.workers, expected, _preload, (config.spacy_model,))


def _preload(model: str) -> None:
    with contextlib.suppress(SetupError):  # raised again by the extraction, which reports it
        load_nlp(model)


def extract_articles(articles: list[Article], config: Config, store: Cache,
                     progress: Progress | None, pool: Pool | None = None,
                     ) -> tuple[dict[str, Extraction], list[Problem]]:
    """Extractions by article id, in article order, from the cache where the content is
    unchanged; an article whose extraction fails is reported and left out. `pool`: processes
    already started (`start_workers`), used when there are enough of them."""
    def compute(todo: list[Article]) -> list[Extraction | BaseException]:
        return list(map_items(extract, todo, (config.spacy_model, config.keywords_per_article),
                              config.workers, "extract", config.executor, progress, pool))

    results = cached_map(store, "extract", source_version(__name__),
                         config.slice("spacy_model", "keywords_per_article"), articles,
                         Article.content_key, compute, Extraction)
    found: dict[str, Extraction] = {}
    problems = []
    for article, result in zip(articles, results, strict=True):
        if isinstance(result, SetupError):
            raise result
        if isinstance(result, BaseException):
            log.debug("%s: extraction failed (%s); skipped", article.path, result)
            problems.append(Problem(article.path, f"extraction failed: {result}", fatal=True))
        else:
            found[article.id] = result
    if problems and not found:
        raise BuildError(f"extraction failed for every article ({problems[0].message}) "
                         "— the previous site was kept")
    return found, problems


def extract(article: Article, model: str, keywords: int) -> Extraction:
    nlp = load_nlp(model)
    # Headings are tagged too, or keywords from a title alone would have no part of speech;
    # in the same call as the body, which saves spaCy a second batch per article.
    heads = [article.title, *article.headings]
    tagged = list(nlp.pipe([*heads, *article.paragraphs]))
    headings, docs = tagged[:len(heads)], tagged[len(heads):]
    mentions = []
    figures: list[Figure] = []
    sentences: list[Sentence] = []
    for index, doc in enumerate(docs):
        ents = doc.ents
        for sent, text in sentence_texts(doc):
            found = figures_in(sent, text, article.id, article.date)
            numbers = tuple(range(len(figures), len(figures) + len(found)))
            figures.extend(found)
            mentions.extend(mentions_in(sent, text, ents))
            sentences.append(Sentence(text, article.id, index, (), event_dates(text), numbers))
    return Extraction(
        keywords=keywords_for(article, headings, docs, mentions, keywords),
        figures=tuple(figures),
        mentions=tuple(mentions),
        sentences=tuple(sentences),
    )


def sentence_texts(doc: Doc) -> list[tuple[Span, str]]:
    """Sentences with their text; an opening quote the splitter left at the end of one
    sentence ('releases. "') is moved to the start of the next, a sentence the splitter
    cut after a title or initials ("said Lt." / "Col. John Smith") goes on, and one it ran
    past an abbreviation's full stop ("born in the U.S. In Mexicali, …") is two."""
    found: list[tuple[Span, str]] = []
    carry = ""
    for sent in (part for whole in doc.sents for part in _run_on(whole)):
        text = carry + sent.text.strip()
        carry = ""
        if text.endswith((' "', " “")):
            carry, text = text[-1], text[:-2].rstrip()
        if found and sentence_goes_on(found[-1][1], text):
            before, start = found.pop()
            sent, text = doc[before.start:sent.end], f"{start} {text}"
        if text.strip(" \"“”"):
            found.append((sent, text))
    return found


# spaCy keeps "U.S.", "a.m." or "Inc." as one token, so its sentencizer never ends a sentence
# there; a capitalised word that opens sentences after it starts the next one.
_RUN_ON = re.compile(r"(?<=\w\.) (?=(?:The|He|She|It|They|We|But|And|In|On|At|As|For|A|An|"
                     r"This|That|These|Those|His|Her|Its|Their|There)\b)")


def _run_on(sent: Span) -> list[Span]:
    """The sentence, cut after an abbreviation that ends it (not after a title or a
    person's initials: "Gen. Emile Lahoud", "F.W. de Klerk")."""
    text = sent.text
    cuts = [m.end() for m in _RUN_ON.finditer(text) if not abbreviation_ends(text[:m.start()])]
    if not cuts:
        return [sent]
    starts = {sent.start_char + cut for cut in cuts}
    bounds = [sent.start, *(t.i for t in sent if t.idx in starts), sent.end]
    doc = sent.doc
    return [doc[a:b] for a, b in itertools.pairwise(bounds) if b > a]
