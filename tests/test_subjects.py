"""Subjects in story grouping: reports written to one template about different companies are
different topics (Reuters-21578 earnings and dividend notices, through the real extraction)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from generator import subjects
from generator.clean import clean
from generator.config import Config
from generator.entities import merge_entities
from generator.extract import extract
from generator.model import Article, Block, Extraction
from generator.topics import group_topics

REPORTS = [
    ("empi-q4", "1987-03-03", "EMPI INC <EMPI> 4TH QTR LOSS",
     "Shr loss 25 cts vs profit 11 cts. Net loss 446,005 vs profit 185,325. Sales 2.4 mln vs 2.5 mln.",
     "12 mths: Shr loss 16 cts vs profit 41 cts. Net loss 282,305 vs profit 709,787."),
    ("empi-div", "1987-03-05", "EMPI INC <EMPI> OMITS DIVIDEND AFTER 4TH QTR LOSS",
     "Empi Inc said it omitted its quarterly dividend after its fourth quarter loss. "
     "Shr loss 25 cts vs profit 11 cts and net loss 446,005 in the quarter.",
     "Empi said sales of its pain control devices fell. 12 mths: Shr loss 16 cts vs profit 41 cts."),
    ("vendo-q4", "1987-03-04", "VENDO CO <VEN> 4TH QTR LOSS",
     "Shr loss 18 cts vs profit 11 cts. Net loss 1,234,000 vs profit 712,000. Sales 24.1 mln vs "
     "22.7 mln.", "12 mths: Shr loss 40 cts vs profit 52 cts. Net loss 2.7 mln vs profit 3.4 mln."),
    ("elxsi-q4", "1987-03-04", "ELXSI LTD <ELXSF> 4TH QTR LOSS",
     "Shr loss 12 cts vs profit 4 cts. Net loss 3.1 mln vs profit 1.0 mln. Sales 9.8 mln vs "
     "7.2 mln.", "12 mths: Shr loss 61 cts vs profit 20 cts. Net loss 15.2 mln vs profit 4.1 mln."),
]
OTHER = [
    ("coffee-1", "1987-03-03", "ICO coffee quota talks resume",
     "Coffee producers and consumers resumed talks on export quotas at the International Coffee "
     "Organization in London, delegates said.", "Brazil wants a larger share of the quota."),
    ("money-1", "1987-03-04", "U.K. money market given 24 mln stg assistance",
     "The Bank of England said it gave the money market 24 mln stg assistance in the afternoon "
     "session.", "The bank had forecast a shortage of around 250 mln stg."),
    ("quake-1", "1987-03-06", "Ecuador suspends oil exports after earthquake",
     "Ecuador suspended crude oil exports after an earthquake damaged its main pipeline, the "
     "energy ministry said.", "Repairs to the pipeline could take four months."),
]


def _article(item: tuple[str, ...]) -> Article:
    doc_id, date, title, *paragraphs = item
    return clean(Article(id=doc_id, path=f"{doc_id}.txt", title=title, date=date, outlet="Reuters",
                         byline="", url="", missing=(),
                         blocks=tuple(Block("paragraph", p) for p in paragraphs), content_hash=""))


@pytest.fixture(scope="module")
def extracted() -> dict[str, tuple[Article, Extraction]]:
    articles = [_article(i) for i in (*REPORTS, *OTHER)]
    return {a.id: (a, extract(a, Config.spacy_model, Config.keywords_per_article)) for a in articles}


@pytest.fixture
def small_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """Seven articles: the template's words (in four) are common here, a name in two is not."""
    monkeypatch.setattr(subjects, "SPECIFIC_FLOOR", 2)


def _group(extracted: dict, ids: list[str], work: Path, full: bool = True) -> list[list[str]]:
    articles = [extracted[i][0] for i in ids]
    entities, attached = merge_entities({i: extracted[i][1] for i in ids})
    groups = group_topics(articles, attached, list(entities), Config.topic_similarity,
                          Config.topic_days, (), work / "topics.json", work / "topics.pkl", full=full)
    return sorted(sorted(g.article_ids) for g in groups)


ALL = [i[0] for i in (*REPORTS, *OTHER)]


def test_reports_of_different_companies_are_different_topics(extracted, small_corpus, tmp_path):
    found = _group(extracted, ALL, tmp_path)
    assert ["empi-div", "empi-q4"] in found  # one company's results and its dividend: one story
    assert ["vendo-q4"] in found and ["elxsi-q4"] in found


def test_without_subjects_the_template_alone_makes_one_topic(extracted, monkeypatch, tmp_path):
    monkeypatch.setattr(subjects, "SPECIFIC_FLOOR", -1)  # no term specific: no subject named
    found = _group(extracted, ALL, tmp_path)
    assert any({"vendo-q4", "elxsi-q4"} <= set(group) for group in found)


def test_a_placed_report_finds_the_topics_a_full_regroup_finds(extracted, small_corpus, tmp_path):
    before = [i for i in ALL if i != "elxsi-q4"]
    work, full = tmp_path / "work", tmp_path / "full"
    _group(extracted, before, work)
    shutil.copytree(work, full)
    placed = _group(extracted, ALL, work, full=False)
    assert placed == _group(extracted, ALL, full)
    assert ["elxsi-q4"] in placed


def test_apart_needs_two_named_subjects_and_nothing_specific_shared():
    # Columns: 0 "empi", 1 "vendo", 2 "e:acme" (an entity key), 3 "k:net loss", 4 "loss".
    counts = csr_matrix(np.array([[1, 0, 1, 1, 1], [0, 1, 0, 1, 1], [1, 0, 0, 0, 1],
                                  [0, 0, 1, 0, 1], [0, 0, 0, 0, 1]], dtype=np.float32))
    headlines = csr_matrix(np.array([[1, 0, 0, 0, 1], [0, 1, 0, 0, 1], [1, 0, 0, 0, 1],
                                     [0, 0, 0, 0, 1], [0, 0, 0, 0, 1]], dtype=np.float64))
    terms = ["empi", "vendo", "e:acme", "k:net loss", "loss"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(subjects, "SPECIFIC_FLOOR", 2)
        specific, named = subjects.specific(counts, headlines, terms)
    assert named.tolist() == [True, True, True, False, False]  # "loss" is in all five
    u, v = np.array([0, 0, 0, 1, 3]), np.array([1, 2, 3, 3, 4])
    # 0 and 1 share a rare keyphrase, but a phrase never counts; 0 and 2 share "empi"; 3 names
    # nothing but shares an entity key with 0, nothing specific with 1 (named "vendo"); 3 and
    # 4 name nothing.
    assert subjects.apart(specific, named, u, v).tolist() == [True, False, False, True, False]
