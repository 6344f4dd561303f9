from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.clean import clean
from generator.dates import parse_date
from generator.errors import BuildError
from generator.ingest import decode, ingest
from generator.metadata import safe_url
from tests.conftest import NO_CACHE, SEEDS


def by_id(seeds: Path):
    articles, problems = ingest(seeds, 2_000_000, 20_000, NO_CACHE)
    return {a.id[:3]: a for a in articles}, problems


def test_seed_metadata():
    articles, problems = by_id(SEEDS)
    assert problems == []
    plain = articles["000"]
    assert plain.title == ("Russian authorities pursue information on Russian hostages and "
                           "ongoing negotiations amid Gaza crisis")
    assert (plain.date, plain.outlet) == ("", "")
    assert {"date", "outlet", "byline", "url"} <= set(plain.missing)

    markdown = articles["001"]
    assert markdown.title == "Russian Diplomat Hopes to Meet Hamas for Talks to Free Hostages – Agencies"
    assert markdown.date == "2023-10-14"
    assert markdown.byline == "AFP"
    assert markdown.outlet == "The Moscow Times"
    assert markdown.url.startswith("https://www.themoscowtimes.com/2023/10/14/russian-diplomat")
    assert markdown.missing == ()

    blog = articles["002"]
    assert blog.title == "Putin Thanks Hamas for 'Humanitarian Act' After Meeting Freed Hostages at the Kremlin"
    assert blog.date == "" and "date" in blog.missing
    assert not any("Humanitarian Act\" After Meeting" in b.text for b in blog.blocks)


def test_front_matter_wins_over_inference(tmp_path: Path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: From front matter\ndate: 2024-02-03\nsource: Example News\n---\n"
        "# Heading title\n\nBy Jane Doe\n\nMarch 1, 2020\n\nBody text of the article goes here.\n")
    articles, _ = by_id(tmp_path)
    article = articles["a"]
    assert article.title == "From front matter"
    assert article.date == "2024-02-03"
    assert article.outlet == "Example News"
    assert article.byline == "Jane Doe"


@pytest.mark.parametrize(("text", "expected"), [
    ("October 14, 2023", "2023-10-14"), ("Oct. 14, 2023", "2023-10-14"),
    ("14 October 2023", "2023-10-14"), ("2023-10-14", "2023-10-14"),
    ("03/04/2023", ""), ("February 30, 2023", ""), ("yesterday", ""), ("October 2023", ""),
])
def test_dates_are_parsed_only_when_unambiguous(text: str, expected: str):
    assert parse_date(text) == expected


@pytest.mark.parametrize(("url", "ok"), [
    ("https://example.com/a", True), ("http://example.com", True), ("javascript:alert(1)", False),
    ("data:text/html,<script>", False), ("vbscript:x", False), ("//example.com", False),
    ("https://exa mple.com", False), ('https://e.com/"onmouseover=', False),
])
def test_only_http_urls_are_kept(url: str, ok: bool):
    assert bool(safe_url(url)) is ok


def test_encodings():
    assert decode("héllo".encode("utf-8-sig")) == ("héllo", "")
    assert decode("héllo".encode("utf-16")) == ("héllo", "")
    text, warning = decode("café".encode("cp1252"))
    assert text == "café" and "Windows-1252" in warning


def test_a_body_on_one_long_line_is_cut_into_paragraphs_at_sentence_ends(tmp_path: Path):
    # Web corpora keep a scraped article's body on one line: KPCrowd's crime-20952544 is
    # 35,640 characters, and was refused for being over max_line_chars.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    sentences = [f"Witness {n} told the court on Monday that Lt. Col. Dean arrived at {n} p.m."
                 for n in range(600)]
    (seeds / "oneline.txt").write_text("Trial hears witnesses\n" + " ".join(sentences) + "\n")
    [article], problems = ingest(seeds, 1_000_000, 20_000, NO_CACHE)
    assert not problems
    paragraphs = [block.text for block in article.blocks]
    assert len(paragraphs) == 3
    assert all(len(p) <= 20_000 and p.endswith("p.m.") for p in paragraphs)
    assert " ".join(paragraphs) == " ".join(sentences)


def test_quotes_doubled_by_a_csv_export_are_single(tmp_path: Path):
    # 500N-KPCrowd's text, kept in CSV: 291 of its 500 files double every straight quote.
    (tmp_path / "science-20955108.txt").write_text(
        'Maple syrup a ""superfood"": researchers\n'
        'The syrup holds 54 compounds, the study found. ""It is good for you,"" he said.\n')
    [article], _ = ingest(tmp_path, 1_000_000, 20_000, NO_CACHE)
    assert article.title == 'Maple syrup a "superfood": researchers'
    assert [b.text for b in article.blocks] == [
        'The syrup holds 54 compounds, the study found. "It is good for you," he said.']


def test_bad_files_are_reported_and_skipped(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text("A good headline\nA paragraph of body text that is fine.\n")
    (seeds / "empty.txt").write_text("")
    (seeds / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (seeds / "huge.txt").write_text("Headline\n" + "word " * 500_000)
    (seeds / "longline.txt").write_text("Headline\n" + "x" * 30_000 + "\n")
    (seeds / "image.png").write_bytes(b"\x89PNG\r\n")
    (seeds / "latin1.txt").write_bytes("Caf\xe9 headline\nBody text here.\n".encode("latin-1"))
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret headline\nSecret body.\n")
    (seeds / "link.txt").symlink_to(outside)
    os.mkfifo(seeds / "pipe.txt")
    articles, problems = ingest(seeds, 1_000_000, 20_000, NO_CACHE)
    assert sorted(a.id for a in articles) == ["good", "latin1"]
    reasons = {p.path: p.message for p in problems}
    assert "empty" in reasons["empty.txt"]
    assert "NUL" in reasons["binary.txt"] or "binary" in reasons["binary.txt"]
    assert "limit" in reasons["huge.txt"]
    assert "longer than" in reasons["longline.txt"]
    assert "unsupported" in reasons["image.png"]
    assert "outside" in reasons["link.txt"]
    assert "regular file" in reasons["pipe.txt"]
    assert "Windows-1252" in reasons["latin1.txt"]
    assert not next(p for p in problems if p.path == "latin1.txt").fatal


@pytest.mark.parametrize(("first", "title"), [
    # TAC 2010, APW19980821.1004: the headline's stop belongs to "U.S."
    ("Diplomats tour battered factory, protesters denounce U.S.",
     "Diplomats tour battered factory, protesters denounce U.S."),
    ("Shares of Acme rose after the report on Friday.", ""),  # a sentence, not a headline
])
def test_plain_headline_may_end_in_an_abbreviation(first: str, title: str) -> None:
    from generator.readers import read_plain

    found, blocks = read_plain(f"{first}\n\nDiplomats from more than a dozen nations were taken on a tour.\n")
    assert found.get("title", "") == title
    assert len(blocks) == (1 if title else 2)


def test_character_references_are_read_as_the_characters_they_stand_for():
    """TAC 2011 (an AP headline, escaped twice by the feed it came through) and scraped text:
    a reader sees "&", not "&amp;amp;"; an escaped tag is text, which pages escape again."""
    from generator.readers import read_markdown, read_plain

    found, blocks = read_plain("THOMAS &amp;amp;  FRIENDS TOY MAKER DISCUSSES LEAD PAINT\n\n"
                               "RC2 Corp. said it would recall 1.5 million Thomas &amp; Friends "
                               "wooden trains, the company&#8217;s &lt;b&gt;second&lt;/b&gt; recall.\n")
    assert found["title"] == "THOMAS & FRIENDS TOY MAKER DISCUSSES LEAD PAINT"
    assert blocks[0].text == ("RC2 Corp. said it would recall 1.5 million Thomas & Friends wooden "
                              "trains, the company\u2019s <b>second</b> recall.")
    found, blocks = read_markdown("# AT&amp;amp;T to buy BellSouth\n\nR&D at AT&amp;T, M&Ms.\n")
    assert found["title"] == "AT&T to buy BellSouth"
    assert blocks[0].text == "R&D at AT&T, M&Ms."


def test_a_first_line_cut_mid_name_is_text_not_a_headline(tmp_path: Path):
    # DUC-2004 (one sentence a line, no headline): the line ends on an initial of the name
    first = ("Facing a court challenge, the Truth and Reconciliation Commission said Wednesday "
             "that it would withhold the parts of its final report that implicate South "
             "Africa's last apartheid-era president, F.W.")
    (tmp_path / "cut.txt").write_text(f"{first}\n\nde Klerk, in bombings.\n")
    (tmp_path / "kept.txt").write_text("Diplomats tour battered factory, protesters denounce "
                                       "U.S.\n\nThe diplomats came on Tuesday.\n")
    found, problems = ingest(tmp_path, 2_000_000, 20_000, NO_CACHE)
    articles = {a.id: a for a in found}
    assert problems == [] and articles["cut"].title == "" and "title" in articles["cut"].missing
    assert articles["cut"].blocks[0].text == first
    assert articles["kept"].title == "Diplomats tour battered factory, protesters denounce U.S."


def test_date_from_a_labelled_line_then_from_the_file_name(tmp_path: Path):
    body = "Body text of the article goes here, long enough to be a paragraph.\n"
    (tmp_path / "labelled.txt").write_text(f"A headline\n\nDATE_TIME: 1999-04-21 16:33:18\n\n{body}")
    (tmp_path / "published.txt").write_text(f"A headline\n\nPublished: April 21, 1999\n\n{body}")
    # wire archives name files by date (TAC/DUC document ids), Jekyll and Hugo by a date prefix
    (tmp_path / "APW19980821.1004.txt").write_text(f"A headline\n\n{body}")
    (tmp_path / "2024-01-05-storm.txt").write_text(f"A headline\n\n{body}")
    (tmp_path / "2024-01-06-said.txt").write_text(f"A headline\n\nMarch 1, 2020\n\n{body}")
    (tmp_path / "from-20241105-to-20241106.txt").write_text(f"A headline\n\n{body}")
    (tmp_path / "id12345678901.txt").write_text(f"A headline\n\n{body}")
    # eight digits are no date outside a wire id: 500N-KPCrowd names files by section and id
    (tmp_path / "business-20950217.txt").write_text(f"A headline\n\n{body}")
    (tmp_path / "NYT_ENG_20041115.0206.txt").write_text(f"A headline\n\n{body}")
    (tmp_path / "2024_01_07_flood.txt").write_text(f"A headline\n\n{body}")
    found, problems = ingest(tmp_path, 2_000_000, 20_000, NO_CACHE)
    articles = {a.id: a for a in found}
    assert problems == []
    assert {i: a.date for i, a in articles.items()} == {
        "labelled": "1999-04-21", "published": "1999-04-21", "APW19980821.1004": "1998-08-21",
        "2024-01-05-storm": "2024-01-05", "2024-01-06-said": "2020-03-01",  # the text wins
        "from-20241105-to-20241106": "", "id12345678901": "",  # two dates, or none: unknown
        "business-20950217": "", "NYT_ENG_20041115.0206": "2004-11-15", "2024_01_07_flood": "2024-01-07"}
    assert "date" in articles["id12345678901"].missing
    assert all([b.text for b in a.blocks] == [body.strip()] for a in articles.values())
    # the document id names the wire service too; other names name no outlet
    assert {i: a.outlet for i, a in articles.items() if a.outlet} == {
        "APW19980821.1004": "AP", "NYT_ENG_20041115.0206": "NYT"}


# Newswire documents as the LDC's collections lay them out (AQUAINT and the DUC/TAC document
# sets: one <DOC> per file, named by its id), written here.
AQUAINT_AP = """<DOC>
<DOCNO> APW19980601.0007 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 1998-06-01 01:24:00 </DATE_TIME>
<BODY>
<SLUG> BC-Indonesia-Politics </SLUG>
<HEADLINE>
Habibie Promises Elections, Reforms
</HEADLINE>
<TEXT>
<P>
   JAKARTA, Indonesia (AP) _ President B.J. Habibie promised Monday to hold new elections
and to free political prisoners, as students marched in the capital.
</P>
<P>
   The students said they would keep up their protests &AMP; marches.
</P>
</TEXT>
<TRAILER> AP-NY-06-01-98 0124EDT </TRAILER>
</BODY>
</DOC>
"""
AQUAINT_NYT = """<DOC>
<DOCNO> NYT19980602.0012 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 06/02/1998 01:30:00 </DATE_TIME>
<HEADER> A4567 &Cx1f; taf-z u i &Cx13; BC-INDONESIA-NYT &QL; </HEADER>
<BODY>
<SLUG> BC-INDONESIA-NYT </SLUG>
<HEADLINE>
STUDENTS KEEP PRESSURE ON HABIBIE
</HEADLINE>
 (rk) &QL;
 By SETH MYDANS &QL;
 c.1998 N.Y. Times News Service &QL;
<TEXT>
   JAKARTA, Indonesia _ Thousands of students marched on parliament on Tuesday, keeping up
the pressure on President B.J. Habibie. &QL;

   The students demanded that &UR; former &LR; President Suharto be put on trial.
</TEXT>
</BODY>
</DOC>
"""
AQUAINT2_AFP = """<DOC id="AFP_ENG_20050920.0664" type="story" >
<HEADLINE>
Texas county orders evacuation ahead of Rita
</HEADLINE>
<DATELINE>
HOUSTON, Sept 20 (AFP)
</DATELINE>
<TEXT>
<P>
The Texas coastal county of Galveston will order a mandatory evacuation on Wednesday.
</P>
</TEXT>
</DOC>
"""


def test_newswire_documents_are_read_whatever_their_file_name(tmp_path: Path):
    (tmp_path / "APW19980601.0007").write_text(AQUAINT_AP)
    (tmp_path / "NYT19980602.0012").write_text(AQUAINT_NYT)
    (tmp_path / "AFP_ENG_20050920.0664.txt").write_text(AQUAINT2_AFP)
    found, problems = ingest(tmp_path, 2_000_000, 20_000, NO_CACHE)
    assert problems == []
    ap, nyt, afp = (next(a for a in found if a.id == name) for name in (
        "APW19980601.0007", "NYT19980602.0012", "AFP_ENG_20050920.0664"))
    assert (ap.title, ap.date, ap.outlet, ap.byline) == (
        "Habibie Promises Elections, Reforms", "1998-06-01", "AP", "")
    assert [b.text for b in ap.blocks] == [
        "JAKARTA, Indonesia (AP) _ President B.J. Habibie promised Monday to hold new elections "
        "and to free political prisoners, as students marched in the capital.",
        "The students said they would keep up their protests & marches."]
    # The New York Times: a month-first date, a byline between headline and text, typesetting
    # codes dropped, paragraphs without <P>.
    assert (nyt.title, nyt.date, nyt.outlet, nyt.byline) == (
        "STUDENTS KEEP PRESSURE ON HABIBIE", "1998-06-02", "NYT", "Seth Mydans")
    assert [b.text for b in nyt.blocks] == [
        "JAKARTA, Indonesia _ Thousands of students marched on parliament on Tuesday, keeping up "
        "the pressure on President B.J. Habibie.",
        "The students demanded that former President Suharto be put on trial."]
    assert (afp.title, afp.date, afp.outlet) == (
        "Texas county orders evacuation ahead of Rita", "2005-09-20", "AFP")
    assert clean(nyt).title == "Students keep pressure on Habibie"  # as the text spells it


def test_newswire_files_that_cannot_be_read_say_why(tmp_path: Path):
    (tmp_path / "APW19980601.0007").write_text(AQUAINT_AP + AQUAINT_AP)  # a whole day's file
    (tmp_path / "APW19980601.0008").write_text(AQUAINT_AP[:300])  # cut short
    (tmp_path / "notes.0009").write_text("Not a newswire document\n")
    with pytest.raises(BuildError) as error:
        ingest(tmp_path, 2_000_000, 20_000, NO_CACHE)
    message = str(error.value)  # nothing could be read: every file is named with its reason
    assert "APW19980601.0007: holds several newswire <DOC> documents" in message
    assert "APW19980601.0008: newswire document without its closing </DOC>" in message
    assert "notes.0009: unsupported file type '.0009'" in message
