from __future__ import annotations

from generator.extract.entities import _resolve_aliases, is_valid_name, merge, normalise_name
from generator.model import Extraction, Mention


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
    entities, mapping = merge({"a": a, "b": b})
    names = {e.name: e for e in entities}
    assert set(names) == {"Vladimir Putin", "Dmitry Peskov"}
    assert names["Vladimir Putin"].article_ids == ("a", "b")
    assert names["Vladimir Putin"].mentions == 4
    assert mapping["b"]["Peskov"] == names["Dmitry Peskov"].key


def test_shared_surname_is_ambiguous_and_stays_apart():
    result = _resolve_aliases(["Elena Cohen", "Sapir Cohen", "Cohen"],
                              {"Elena Cohen": "person", "Sapir Cohen": "person", "Cohen": "person"},
                              within_article=True)
    assert result["Cohen"] == "Cohen"
    result = _resolve_aliases(['Alexander "Sasha" Troufanov', "Sasha"],
                              {'Alexander "Sasha" Troufanov': "person", "Sasha": "person"})
    assert result["Sasha"] == 'Alexander "Sasha" Troufanov'


def test_type_comes_from_all_mentions_and_cues():
    ex = Extraction((), (), (mention("Bar Kupershtein", "FAC", cue="hostage"),
                             mention("Kupershtein", "GPE"), mention("Kupershtein", "GPE")), ())
    entities, _ = merge({"a": ex})
    assert [(e.name, e.type) for e in entities] == [("Bar Kupershtein", "person")]


def test_nationality_is_not_a_place():
    ex = Extraction((), (), (mention("Russia", "GPE"), mention("Russian", "NORP")), ())
    entities, _ = merge({"a": ex})
    assert {(e.name, e.type) for e in entities} == {("Russia", "place"), ("Russian", "group")}


def test_names_are_normalised_and_artefacts_rejected():
    assert normalise_name("President Vladimir Putin", "PERSON") == "Vladimir Putin"
    assert normalise_name("the Middle East", "LOC") == "Middle East"
    assert normalise_name("Russia's", "GPE") == "Russia"
    for bad in ("youtube", "Dr.", "LIVE", "President", "Post3", "x"):
        assert not is_valid_name(bad), bad
    assert is_valid_name("NATO") and is_valid_name("Hamas") and is_valid_name("UNICEF")
    assert is_valid_name("G7") and is_valid_name("al-Qaeda") and not is_valid_name("Israel1")
