from __future__ import annotations

import json
from pathlib import Path

from generator.dedupe import EXACT_LIMIT, Shingles, article_shingles, fold_copies, similar_pairs
from generator.model import Article
from generator.text import jaccard
from tests.conftest import MOSCOW_TIMES

COPY = """---
title: Moscow envoy seeks Hamas meeting on hostages
outlet: Example Wire
url: https://wire.example.com/moscow-envoy
date: 2023-10-15
---
Moscow's Deputy Foreign Minister Mikhail Bogdanov hopes to meet representatives of the Palestinian militant group Hamas in Qatar next week for talks to free Israeli hostages, Russia's RIA Novosti news agency reported Saturday.

Moscow has so far carefully denounced violence from both sides in the conflict between Israel and Hamas, while renewing an offer to be a potential mediator.

Bogdanov told RIA Novosti he "did not exclude" meeting Hamas representatives on the trip, adding: "If they are willing, we always are in favor of contact. Especially in this situation (the meeting) would be useful for solving practical issues, including the freeing of hostages."

On Oct. 7, hundreds of Hamas gunmen broke through the militarized border around the Gaza Strip into Israel, killing more than 1,200 people and taking around 150 Israeli, foreign and dual-national hostages.

Moscow manages to retain close relations with both the Israeli and Palestinian authorities.

The announcement came one day after President Vladimir Putin said that Russia could help find a way to end the crisis.

"Russia can (help), by virtue of the fact that we have had good relations with Israel over the last 15 years," Putin said on a visit to Kyrgyzstan Friday.

He also said Israel risked waging an "unacceptable" siege in Gaza.

The Russian leader has said that the creation of a Palestinian state is the only viable way to solve the conflict.

Moscow — whose troops have fought in Ukraine for almost 20 months — has blamed the West for the conflict in Israel.

Share this article: Twitter | Facebook
"""


def test_republished_copy_is_folded(seeds_copy: Path, builder):
    (seeds_copy / "zzz_copy.md").write_text(COPY)
    _result, site = builder(seeds_copy)
    data = json.loads((site / "digest.json").read_text())
    assert len(data["articles"]) == 3
    kept = next(a for a in data["articles"] if a["id"] == MOSCOW_TIMES)
    assert [d["id"] for d in kept["duplicates"]] == ["zzz_copy"]
    assert kept["duplicates"][0]["outlet"] == "Example Wire"
    assert kept["duplicates"][0]["score"] >= 0.6
    topic = next(t for t in data["topics"] if MOSCOW_TIMES in t["article_ids"])
    assert topic["copy_ids"] == ["zzz_copy"]  # the folded file is still in a topic
    assert "Example Wire" in (site / "sources.html").read_text()
    report = (site / "dedup.html").read_text()
    assert f"score {kept['duplicates'][0]['score']}" in report and "zzz_copy" in report
    assert f"Copy 1 · score {kept['duplicates'][0]['score']}" in report


def test_forbid_and_force_merge(seeds_copy: Path, builder):
    (seeds_copy / "zzz_copy.md").write_text(COPY)
    result, _ = builder(seeds_copy, forbid_merge=[[MOSCOW_TIMES, "zzz_copy"]])
    assert len(result.digest.articles) == 4
    ids = sorted(a.id for a in result.digest.articles)
    result, _ = builder(seeds_copy, force_merge=[[ids[0], ids[2]]], forbid_merge=[[MOSCOW_TIMES, "zzz_copy"]])
    assert len(result.digest.articles) == 3
    copy = next(c for a in result.digest.articles for c in a.duplicates)
    assert copy.forced


def article(id_: str, text: str, date: str = "") -> Article:
    return Article(id=id_, path=f"{id_}.txt", title=id_, date=date, outlet="", byline="", url="",
                   missing=(), blocks=(), content_hash="", paragraphs=(text,))


def test_kept_version_is_the_earliest_then_most_complete():
    body = " ".join(f"word{i}" for i in range(200))
    late = article("a", body, "2024-01-02")
    early = article("b", body, "2024-01-01")
    kept, merges = fold_copies([late, early], 0.6)
    assert [k.id for k in kept] == ["b"] and kept[0].duplicates[0].id == "a"
    assert merges[0].kind == "copy" and merges[0].score == 1.0


def test_lsh_path_finds_the_same_pairs_as_exact_jaccard():
    """Above EXACT_LIMIT articles `similar_pairs` takes the MinHash LSH path; on one set it
    must find exactly the pairs all-pairs Jaccard finds."""
    base = [f"w{i}" for i in range(300)]
    sets = {}
    for n in range(EXACT_LIMIT + 20):
        words = list(base)
        words[n % 300] = f"edit{n}"
        if n % 3:
            words = [f"u{n}_{i}" for i in range(300)]  # unrelated articles
        if n % 7 == 0:
            words[:120] = [f"v{n}_{i}" for i in range(120)]  # a reworked copy: below the threshold
        sets[f"d{n:04d}"] = article_shingles(article(f"d{n:04d}", " ".join(words)))
    ids = sorted(sets)
    exact = {(a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if jaccard(sets[a], sets[b]) >= 0.6}
    found = {(a, b) for a, b, _ in similar_pairs(sets, 0.6)}
    assert len(sets) > EXACT_LIMIT and len(exact) > 1000
    assert found == exact


def test_saved_signatures_give_the_pairs_of_a_fresh_pass(tmp_path: Path):
    """A rebuild signs only new or edited texts and compares them with the saved signatures;
    the pairs and scores must equal a fresh LSH pass over the changed corpus."""
    base = [f"w{i}" for i in range(300)]

    def corpus(n_articles: int, edited: int) -> dict[str, Article]:
        out = {}
        for n in range(n_articles):
            words = [f"u{n}_{i}" for i in range(300)] if n % 3 else list(base)
            words[n % 300] = f"edit{n}"
            if n == edited:
                words[:200] = [f"x{i}" for i in range(200)]  # no longer a copy of anything
            out[f"d{n:04d}"] = article(f"d{n:04d}", " ".join(words))
        return out

    saved = tmp_path / "copies.pkl"
    first = corpus(EXACT_LIMIT + 20, edited=-1)
    before = similar_pairs(Shingles(first.values()), 0.6, saved)
    assert saved.is_file() and len(before) > 1000
    second = corpus(EXACT_LIMIT + 25, edited=3)  # five new articles, one copy edited away
    counting = Shingles(second.values())
    after = similar_pairs(counting, 0.6, saved)
    fresh = similar_pairs(Shingles(second.values()), 0.6)
    assert after == fresh and after != before
    assert not any("d0003" in pair[:2] for pair in after)
    # Shingles were made only for the edited and new texts and their candidates' partners.
    assert len(counting._made) < len(second) / 2
