from __future__ import annotations

from generator.clean import clean
from generator.config import Config
from generator.aliases import resolve_aliases
from generator.entities import merge_entities
from generator.extract import extract
from generator.extract.entities import is_valid_name, normalise_name
from generator.model import Article, Block, Entity, Extraction, Mention


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
