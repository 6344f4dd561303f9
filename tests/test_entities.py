from __future__ import annotations

import math
import pickle
import random
import unittest.mock
from pathlib import Path

import pytest

from generator import entities
from generator.aliases import resolve_aliases
from generator.clean import clean
from generator.config import Config
from generator.entities import merge_entities
from generator.entity_state import Names
from generator.extract import extract
from generator.extract.entities import is_valid_name, normalise_name
from generator.model import Article, Block, Entity, Extraction, Mention, Sentence


def by_name(data: dict) -> dict[str, dict]:
    return {e["name"]: e for e in data["entities"]}


def test_seed_entities(seed_site):
    _, _, data = seed_site
    entities = by_name(data)
    assert "Putin" in entities["Vladimir Putin"]["aliases"]
    assert "Putin" not in entities
    assert entities["Vladimir Putin"]["type"] == "person"
    sasha = entities['Alexander "Sasha" Troufanov']
    assert {"Troufanov", "Sasha Troufanov", "Sasha"} <= set(sasha["aliases"])
    assert sasha["type"] == "person"
    assert entities["Elena Trufanova"]["type"] == "person"
    assert "Elena Trufanova" not in sasha["aliases"]
    assert entities["Maxim Herkin"]["type"] == "person" and "Herkin" not in entities
    names = " ".join(entities).lower()
    for artefact in ("israel1", "allisrael", "post3", "youtube", "live", "putin meets", "dr."):
        assert artefact not in names, artefact


def test_entity_pages_in_index(seed_site):
    _, site, data = seed_site
    index = (site / "entities" / "index.html").read_text()
    assert index.count(">Vladimir Putin<") == 1
    putin = by_name(data)["Vladimir Putin"]
    assert (site / putin["url"]).exists()


def mention(text: str, label: str = "PERSON", cue: str = "") -> Mention:
    return Mention(text, label, f"{text} spoke.", cue)


def test_aliases_within_and_across_articles():
    a = Extraction((), (), (mention("Vladimir Putin"), mention("Putin"), mention("Putin", "ORG")), ())
    b = Extraction((), (), (mention("Putin"), mention("Dmitry Peskov"), mention("Peskov", "GPE")), ())
    entities, merged = merge_entities({"a": a, "b": b})
    names = {e.name: e for e in entities}
    assert set(names) == {"Vladimir Putin", "Dmitry Peskov"}
    assert names["Vladimir Putin"].article_ids == ("a", "b")
    assert names["Vladimir Putin"].mentions == 4
    assert [m.key for m in merged["b"].mentions if m.text == "Peskov"] == [names["Dmitry Peskov"].key]


def test_shared_surname_is_ambiguous_and_stays_apart():
    result = resolve_aliases(["Elena Cohen", "Sapir Cohen", "Cohen"],
                              {"Elena Cohen": "person", "Sapir Cohen": "person", "Cohen": "person"},
                              within_article=True)
    assert result["Cohen"] == "Cohen"
    result = resolve_aliases(['Alexander "Sasha" Troufanov', "Sasha"],
                              {'Alexander "Sasha" Troufanov': "person", "Sasha": "person"})
    assert result["Sasha"] == 'Alexander "Sasha" Troufanov'


def test_type_comes_from_all_mentions_and_cues():
    ex = Extraction((), (), (mention("Bar Kupershtein", "FAC", cue="hostage"),
                             mention("Kupershtein", "GPE"), mention("Kupershtein", "GPE")), ())
    entities, _ = merge_entities({"a": ex})
    assert [(e.name, e.type) for e in entities] == [("Bar Kupershtein", "person")]


def test_nationality_is_not_a_place():
    ex = Extraction((), (), (mention("Russia", "GPE"), mention("Russian", "NORP")), ())
    entities, _ = merge_entities({"a": ex})
    assert {(e.name, e.type) for e in entities} == {("Russia", "place"), ("Russian", "group")}


def test_names_are_normalised_and_artefacts_rejected():
    assert normalise_name("President Vladimir Putin", "PERSON") == "Vladimir Putin"
    assert normalise_name("the Middle East", "LOC") == "Middle East"
    assert normalise_name("Russia's", "GPE") == "Russia"
    for bad in ("youtube", "Dr.", "LIVE", "President", "Post3", "x"):
        assert not is_valid_name(bad), bad
    assert is_valid_name("NATO") and is_valid_name("Hamas") and is_valid_name("UNICEF")
    assert is_valid_name("G7") and is_valid_name("al-Qaeda") and not is_valid_name("Israel1")


def corpus(**texts: str) -> tuple[dict[str, Entity], dict[str, Extraction]]:
    """Written articles (one paragraph a line) through clean, spaCy extraction and merge."""
    extractions = {}
    for article_id, text in texts.items():
        blocks = tuple(Block("paragraph", line) for line in text.split("\n"))
        article = clean(Article(id=article_id, path=f"{article_id}.txt", title="", date="", outlet="",
                                byline="", url="", missing=(), blocks=blocks, content_hash=""))
        extractions[article_id] = extract(article, Config.spacy_model, 10)
    entities, _ = merge_entities(extractions)
    return {e.name: e for e in entities}, extractions


def test_nationality_never_joins_a_longer_name():
    entities, _ = corpus(
        a="The Detroit Native Americans, a youth team, played in Michigan on Saturday.",
        b="American officials said the talks would resume.",
        c="Great Britain will host the next round of talks.",
        d="British diplomats said the deal was close.")
    assert entities["Detroit Native Americans"].article_ids == ("a",)
    assert entities["American"].article_ids == ("b",) and entities["American"].type == "group"
    assert entities["Great Britain"].article_ids == ("c",)
    assert entities["British"].article_ids == ("d",) and entities["British"].type == "group"


def test_group_name_is_not_a_longer_group_name():
    # a real case: spaCy read the team's name as a nationality phrase in one article
    a = Extraction((), (), (Mention("Detroit Native Americans", "NORP",
                                    "The Detroit Native Americans, a youth team, won.", "the"),), ())
    b = Extraction((), (), (Mention("Americans", "NORP", "Americans are divided over the talks.", ""),), ())
    entities, _ = merge_entities({"a": a, "b": b})
    assert [(e.name, e.article_ids) for e in entities] == [
        ("Americans", ("b",)), ("Detroit Native Americans", ("a",))]


def test_dateline_and_text_are_one_place():
    entities, extractions = corpus(
        a="WASHINGTON (AP) -- Senators met in Washington on Tuesday to vote on the budget.",
        b="The governor flew to Washington for the talks.")
    washington = entities["Washington"]
    assert washington.type == "place" and washington.article_ids == ("a", "b")
    assert not any(m.text.isupper() for m in extractions["a"].mentions)  # the dateline is no mention


def test_capitals_fold_into_the_mixed_case_name():
    a = Extraction((), (), (mention("LOS ANGELES", "ORG"),), ())
    b = Extraction((), (), (mention("Los Angeles", "GPE"), mention("Los Angeles", "GPE")), ())
    entities, merged = merge_entities({"a": a, "b": b})
    assert [(e.name, e.type, e.article_ids) for e in entities] == [("Los Angeles", "place", ("a", "b"))]
    assert merged["a"].mentions[0].key == entities[0].key


def test_standard_abbreviation_and_defined_acronym_are_one_entity():
    entities, _ = corpus(
        a="The United States will send aid, and U.S. officials said it would arrive soon.",
        b="The North Atlantic Treaty Organization (NATO) met in Brussels.",
        c="NATO said it would respond.")
    assert "U.S." in entities["United States"].aliases and "U.S." not in entities
    assert entities["North Atlantic Treaty Organization"].article_ids == ("b", "c")
    entities, _ = corpus(a="Britain and the United Kingdom's allies met in London on Monday.",
                         b="Officials in Britain said the talks went well.")
    assert entities["United Kingdom"].article_ids == ("a", "b") and "Britain" not in entities


def test_surname_after_full_name_is_one_person():
    entities, _ = corpus(
        a="Russian President Vladimir Putin visited Kyrgyzstan. Putin said the talks were good.",
        b="Putin spoke to reporters on Friday.")
    assert entities["Vladimir Putin"].article_ids == ("a", "b") and "Putin" not in entities


def test_a_place_does_not_join_a_longer_place_without_evidence():
    entities, _ = corpus(a="Thousands waited at Beijing Railway Station as trains from Beijing ran late.")
    assert "Beijing" in entities and "Beijing" not in entities["Beijing Railway Station"].aliases


def test_wire_artefacts_are_not_names():
    for bad in ("BC-BRAZELTON-SAMPLE-1-NYTSF", "A-2254", "AUTISM-INFO", "ADDICTION &QL",
                'Associated Press: "It', "Abort, Retry", "Revs 291.8", 'Maria"'):
        assert not is_valid_name(bad), bad
    assert is_valid_name("AFL-CIO") and is_valid_name("C-130") and is_valid_name("G-7")
    assert normalise_name("Asta Pharma AG>", "ORG") == "Asta Pharma AG"


def test_kind_gazetteer_and_place_cue():
    ex = Extraction((), (), (
        Mention("West Nile Virus", "GPE", "The West Nile Virus was found in birds.", ""),
        Mention("Oval Office", "ORG", "Clinton spoke from the Oval Office.", "the"),
        Mention("Givat Zeev", "PERSON", "Settlers in Givat Zeev protested.", "in")), ())
    entities, _ = merge_entities({"a": ex})
    assert {(e.name, e.type) for e in entities} == {
        ("West Nile Virus", "other"), ("Oval Office", "place"), ("Givat Zeev", "place")}


def test_generic_tail_joins_but_city_does_not():
    ex = Extraction((), (), (
        Mention("Gaza Strip", "GPE", "Israeli forces withdrew from the Gaza Strip.", "the"),
        Mention("Gaza", "GPE", "Aid trucks entered Gaza on Sunday.", "entered"),
        Mention("Mexico City", "GPE", "The summit opens in Mexico City.", "in"),
        Mention("Mexico", "GPE", "Mexico sent its foreign minister.", "")), ())
    entities, _ = merge_entities({"a": ex})
    assert {(e.name, e.aliases) for e in entities} == {
        ("Gaza Strip", ("Gaza",)), ("Mexico City", ()), ("Mexico", ())}


# A rebuild's merge from the saved state equals a merge from scratch.

def article(*mentions: tuple[str, str] | tuple[str, str, str]) -> Extraction:
    """An extraction whose mentions are (text, label[, cue]), two to a sentence, with its
    sentences and one more that names nothing, so that attached keys are checked too."""
    made = tuple(Mention(m[0], m[1], f"Sentence {n // 2}.", m[2] if len(m) > 2 else "") for n, m in enumerate(mentions))
    texts = [*dict.fromkeys(m.sentence for m in made), "No name here."]
    return Extraction((), (), made, tuple(Sentence(text, "", n, (), (), ()) for n, text in enumerate(texts)))


def rebuilds_equal_fresh(tmp_path: Path, *corpora: dict[str, Extraction]) -> list[tuple]:
    """Each corpus merged in turn with the state the previous one saved, checked against a merge
    from scratch; the results."""
    state = tmp_path / "entities.pkl"
    results = []
    for n, extractions in enumerate(corpora):
        with unittest.mock.patch.object(entities.log, "warning", side_effect=AssertionError):
            got = merge_entities(extractions, state)  # the state was used, not set aside
        assert got == merge_entities(extractions), f"corpus {n} differs from a merge from scratch"
        results.append(got)
    return results


def names_of(result: tuple) -> dict[str, Entity]:
    return {e.name: e for e in result[0]}


def test_rebuild_surname_joins_a_full_name_added_later_and_leaves_when_ambiguous(tmp_path):
    a = article(("Putin", "PERSON"), ("Kremlin", "ORG"))
    b = article(("Vladimir Putin", "PERSON"), ("Moscow", "GPE"))
    c = article(("Igor Putin", "PERSON"))
    first, added, ambiguous, removed = rebuilds_equal_fresh(
        tmp_path, {"a": a}, {"a": a, "b": b}, {"a": a, "b": b, "c": c}, {"a": a, "c": c})
    assert "Putin" in names_of(first)
    assert names_of(added)["Vladimir Putin"].article_ids == ("a", "b") and "Putin" not in names_of(added)
    assert names_of(ambiguous)["Putin"].article_ids == ("a",)
    assert names_of(removed)["Igor Putin"].aliases == ("Putin",)  # the one full name left


def test_rebuild_acronym_defined_in_an_article_added_or_changed(tmp_path):
    c = article(("NATO", "ORG"), ("Brussels", "GPE"))
    a = article(("North Atlantic Treaty Organization", "ORG"), ("NATO", "ORG"))
    other = article(("North American Trade Office", "ORG"), ("NATO", "ORG"))
    _, defined, two, changed = rebuilds_equal_fresh(
        tmp_path, {"c": c}, {"a": a, "c": c}, {"a": a, "b": other, "c": c}, {"a": article(("NATO", "ORG")), "c": c})
    assert names_of(defined)["North Atlantic Treaty Organization"].article_ids == ("a", "c")
    assert names_of(two)["NATO"].article_ids == ("c",)  # defined for two names: stays apart
    assert names_of(changed)["NATO"].article_ids == ("a", "c")


def test_rebuild_capitals_fold_into_the_spelling_now_most_used(tmp_path):
    caps = article(("LOS ANGELES", "ORG"), ("HONG KONG", "GPE"))
    mixed = article(("Los Angeles", "GPE"), ("Los Angeles", "GPE"))
    more = article(*[("Los angeles", "ORG")] * 3, ("Hong Kong", "GPE"))  # as ORG: another entity
    _, folded, refolded, _ = rebuilds_equal_fresh(
        tmp_path, {"a": caps}, {"a": caps, "b": mixed}, {"a": caps, "b": mixed, "c": more}, {"a": caps, "c": more})
    assert names_of(folded)["Los Angeles"].article_ids == ("a", "b")
    assert names_of(refolded)["Los angeles"].article_ids == ("a", "c")  # "Los Angeles" of b is apart now
    assert names_of(refolded)["Hong Kong"].article_ids == ("a", "c")


def test_rebuild_slug_clashes_settled_as_from_scratch(tmp_path):
    # "Hong-Kong" and "Hong Kong" share a slug, "Index" is a reserved one: the name first in
    # sorted order takes the plain slug, so adding or removing it renames the other's page.
    a = article(("Hong-Kong", "GPE"), ("Index", "ORG"))
    b = article(("Hong Kong", "GPE"), ("Index Page", "ORG"))
    c = article(("Index-page", "ORG"), ("Hong  Kong Inc", "ORG"))
    results = rebuilds_equal_fresh(tmp_path, {"a": a}, {"a": a, "b": b}, {"a": a, "b": b, "c": c}, {"b": b, "c": c},
                                   {"a": a, "b": b, "c": c})
    keys = [{e.name: e.key for e in r[0]} for r in results]
    assert keys[0]["Hong-Kong"] == "hong-kong" and keys[1]["Hong-Kong"] != "hong-kong"
    assert keys[0]["Index"] == "index-page" and keys[1]["Index Page"] != "index-page"
    assert keys[3]["Hong Kong"] == "hong-kong"


def test_rebuild_type_votes_and_generic_tails(tmp_path):
    a = article(("Jordan", "GPE"), ("Gaza Strip", "GPE"))
    b = article(("Jordan", "PERSON", "coach"), ("Jordan", "PERSON"), ("Michael Jordan", "PERSON"))
    c = article(("Gaza", "GPE"), ("Likud", "ORG"), ("Likud Party", "ORG"), ("U.S.", "GPE"), ("United States", "GPE"))
    rebuilds_equal_fresh(tmp_path, {"a": a}, {"a": a, "b": b}, {"a": a, "b": b, "c": c}, {"b": b, "c": c}, {"c": c})


@pytest.mark.parametrize("resolve_all", [entities.RESOLVE_ALL, math.inf])
def test_rebuild_random_changes_equal_a_merge_from_scratch(tmp_path, caplog, monkeypatch, resolve_all):
    """Articles of tricky names added, changed and removed at random, 40 builds in a row; with
    `math.inf`, names are resolved again only where a change can reach, however many changed."""
    monkeypatch.setattr(entities, "RESOLVE_ALL", resolve_all)
    pool = [("Vladimir Putin", "PERSON"), ("Putin", "PERSON"), ("Putin", "ORG"), ("PUTIN", "PERSON"),
            ("Igor Putin", "PERSON"), ('Alexander "Sasha" Troufanov', "PERSON"), ("Sasha", "PERSON"),
            ("Troufanov", "ORG"), ("North Atlantic Treaty Organization", "ORG"), ("NATO", "ORG"),
            ("North American Trade Office", "ORG"), ("Los Angeles", "GPE"), ("LOS ANGELES", "GPE"),
            ("Los angeles", "GPE"), ("Hong Kong", "GPE"), ("Hong-Kong", "GPE"), ("HONG KONG", "ORG"),
            ("Index", "ORG"), ("Likud", "ORG"), ("Likud Party", "ORG"), ("U.S.", "GPE"),
            ("United States", "GPE"), ("American", "NORP"), ("Detroit Native Americans", "NORP"),
            ("Jordan", "GPE"), ("Jordan", "PERSON"), ("Michael Jordan", "PERSON"), ("Gaza", "GPE"),
            ("Gaza Strip", "GPE"), ("Givat Zeev", "PERSON"), ("West Nile Virus", "GPE"), ("747", "ORG")]
    cues = ["", "", "in", "hostage", "the"]
    rng = random.Random(14)
    corpus: dict[str, Extraction] = {}
    state = tmp_path / "entities.pkl"
    for step in range(40):
        for _ in range(rng.randint(1, 3)):
            key = f"a{rng.randrange(12):02d}"
            if key in corpus and rng.random() < 0.3:
                del corpus[key]
            else:
                corpus[key] = article(*[(*rng.choice(pool), rng.choice(cues)) for _ in range(rng.randint(1, 6))])
        assert merge_entities(corpus, state) == merge_entities(corpus), f"build {step} differs"
    assert not caplog.records  # the saved state was used every time, never set aside


def test_a_broken_foreign_or_stale_state_is_ignored(tmp_path):
    corpus = {"a": article(("Vladimir Putin", "PERSON")), "b": article(("Putin", "PERSON"))}
    fresh = merge_entities(corpus)
    state = tmp_path / "entities.pkl"
    for content in (b"not a pickle", pickle.dumps({"articles": {}}), pickle.dumps(Names("other code"))):
        state.write_bytes(content)
        assert merge_entities(corpus, state) == fresh
    # a state of this code that does not fit (here: emptied indexes) is not trusted either
    merge_entities({"a": corpus["a"]}, state)
    names = pickle.loads(state.read_bytes())
    names.postings.clear()
    state.write_bytes(pickle.dumps(names))
    assert merge_entities(corpus, state) == fresh


def test_full_merge_ignores_the_state_and_a_second_merge_writes_nothing(tmp_path):
    a = article(("Putin", "PERSON"))
    b = article(("Vladimir Putin", "PERSON"))
    state = tmp_path / "entities.pkl"
    merge_entities({"a": a, "b": b}, state)
    written = state.stat().st_mtime_ns
    assert merge_entities({"a": a, "b": b}, state) == merge_entities({"a": a, "b": b})
    assert state.stat().st_mtime_ns == written
    assert merge_entities({"a": a}, state, reuse=False) == merge_entities({"a": a})
    assert state.stat().st_mtime_ns != written
