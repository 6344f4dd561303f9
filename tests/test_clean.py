from __future__ import annotations

import pytest

from generator import furniture
from generator.clean import clean, rejoin_split_paragraphs, strip_citations
from generator.ingest import ingest
from generator.model import Article, Block
from tests.conftest import NO_CACHE, SEEDS

BOILERPLATE = ["Post a Comment", "Previous Post", "youtube", "LIVE |", "hours ago",
               "Related article", "By [AFP]", "Original url", "AP / TASS", "Appendix"]


def seed(prefix: str):
    articles, _ = ingest(SEEDS, 2_000_000, 20_000, NO_CACHE)
    return clean(next(a for a in articles if a.id.startswith(prefix)))


def test_page_furniture_is_dropped():
    for prefix in ("000", "001", "002"):
        text = "\n".join(seed(prefix).paragraphs)
        for phrase in BOILERPLATE:
            assert phrase not in text, (prefix, phrase)


def test_citation_tokens_become_references():
    article = seed("002")
    text = "\n".join(article.paragraphs)
    for token in ("Israel1", "AllIsrael2", "Post3"):
        assert token not in text
    assert "including Sasha's father Vitaly." in text
    assert set(article.references) == {"AllIsrael", "Jerusalem Post", "Times of Israel"}


def test_split_paragraph_is_rejoined():
    article = seed("001")
    assert any("around the Gaza Strip into Israel, killing more than 1,200 people" in p
               for p in article.paragraphs)


def test_caption_and_headings_are_not_body_text():
    assert not any("Smoke rises" in p for p in seed("001").paragraphs)
    blog = seed("002")
    assert "Putin Extends Gratitude to Hamas Leadership" in blog.headings
    assert "Putin Extends Gratitude to Hamas Leadership" not in blog.paragraphs


def test_rules_on_small_texts():
    assert rejoin_split_paragraphs(["The militants crossed the border into the", "Strip at dawn."]) == [
        "The militants crossed the border into the Strip at dawn."]
    assert rejoin_split_paragraphs(["A short heading", "Next."]) == ["A short heading", "Next."]
    # Reuters-21578 (NEWID 210, "GTI CORP <GTI> 4TH QTR OPER NET"): rows of a results table.
    rows = ["Oper shr profit six cts vs loss two cts", "Oper net profit 225,000 vs loss 91,000",
            "Revs 4,814,000 vs 3,339,000", "Year", "Oper shr profit 12 cts vs loss two cts"]
    assert rejoin_split_paragraphs(rows) == rows
    # DUC-2004 (one sentence a line, cut after initials): the line goes on with the name
    assert rejoin_split_paragraphs([
        "Indonesian President B.J.", "Habibie finds attending a summit of Asia-Pacific leaders "
        "difficult."]) == ["Indonesian President B.J. Habibie finds attending a summit of "
                           "Asia-Pacific leaders difficult."]
    assert rejoin_split_paragraphs(["It was sent to the U.S.", "The firm said so."]) == [
        "It was sent to the U.S.", "The firm said so."]
    texts, refs = strip_citations(["He said so Reuters1.", "Others agreed Reuters1."])
    assert texts == ["He said so.", "Others agreed."] and refs == ["Reuters"]
    texts, refs = strip_citations(["The G7 met in 2023."])
    assert texts == ["The G7 met in 2023."] and refs == []
    # TAC 2011 (LA Times-Washington Post): a company's name, not a citation closing a clause
    kept = "Like the trains recalled by RC2 Corp. in June, the toys contained too much lead."
    assert strip_citations([kept]) == ([kept], [])


# Wire furniture: each rule on the line it came from (TAC 2009-2011 document sets, AP, NYT,
# LA Times-Washington Post and Xinhua copy; TAC's tokenisation undone).
WIRE_LINES = [
    # dateline with agency tag (APW19990224.0002)
    ("WASHINGTON (AP) -- Congress should just let the independent counsel law expire since "
     "almost any effort to revise it so soon is likely to be a mistake.",
     "Congress should just let the independent counsel law expire since almost any effort to "
     "revise it so soon is likely to be a mistake."),
    # DUC-2004 (APW19981111.0309), its tokenisation undone with the space in the tag
    ("ANKARA, Turkey( AP) Prime Minister Mesut Yilmaz on Wednesday faced intense pressure to "
     "step down.", "Prime Minister Mesut Yilmaz on Wednesday faced intense pressure to step down."),
    ("ZAMBOANGA, Philippines (AP) -- Muslim rebels who have been holding 27 Filipinos hostage "
     "claimed responsibility Tuesday.",
     "Muslim rebels who have been holding 27 Filipinos hostage claimed responsibility Tuesday."),
    ("WASHINGTON (AP) _ The indefinite holding of foreign terrorism suspects at Guantanamo Bay is "
     "creating new political headaches for President George W. Bush.",
     "The indefinite holding of foreign terrorism suspects at Guantanamo Bay is creating new "
     "political headaches for President George W. Bush."),
    ("JERUSALEM, Feb. 4 (Xinhua) -- Israel said on Friday it would reopen the crossing.",
     "Israel said on Friday it would reopen the crossing."),
    ("Los Angeles, November 4 (Xinhua) -- A U.S. company said Wednesday that it was recalling all "
     "ground beef it produced.",
     "A U.S. company said Wednesday that it was recalling all ground beef it produced."),
    # web news of 2011 (500N-KPCrowd): more agencies, a date for a place, no place, a byline
    ("April 2 (Bloomberg) - The unemployment rate in the U.S. unexpectedly fell to a two-year low.",
     "The unemployment rate in the U.S. unexpectedly fell to a two-year low."),
    ("TOKYO (Kyodo) - The devastating March 11 earthquake and ensuing tsunami took a toll on sales.",
     "The devastating March 11 earthquake and ensuing tsunami took a toll on sales."),
    ("(AP) - In the shadow of San Francisco's stately City Hall, sidewalks abound with transients.",
     "In the shadow of San Francisco's stately City Hall, sidewalks abound with transients."),
    ("(CNN)- The wife of Mississippi Gov. Haley Barbour says she is horrified.",
     "The wife of Mississippi Gov. Haley Barbour says she is horrified."),
    ("LJUBLJANA, Slovenia - Slovenia's President Danilo Tuerk has undergone surgery.",
     "Slovenia's President Danilo Tuerk has undergone surgery."),
    ("SAN FRANCISCO - In the shadow of City Hall, sidewalks abound with transients.",
     "In the shadow of City Hall, sidewalks abound with transients."),
    ("By Mark Cina LOS ANGELES (Hollywood Reporter) - As THR reported Thursday, new episodes "
     "won't return until spring 2012.",
     "As THR reported Thursday, new episodes won't return until spring 2012."),
    ("The film is among the most affecting studies of mature men in years, and one to "
     "remember. Ty Burr can be reached at tburr@ globe.com, or followed at www.twitter.com/tyburr.",
     "The film is among the most affecting studies of mature men in years, and one to remember."),
    ("By Kerry Grens NEW YORK (Reuters Health) - A new study finds that a meat-free diet seems to "
     "lower a person's risk.",
     "A new study finds that a meat-free diet seems to lower a person's risk."),
    # bare datelines (NYT, LA Times-Washington Post) and a place alone on its line
    ("WASHINGTON _ The Clinton administration announced a new privacy initiative Friday.",
     "The Clinton administration announced a new privacy initiative Friday."),
    ("WARSAW -- Polish President Aleksander Kwasniewski on Tuesday signed a law to ratify the "
     "Comprehensive Nuclear Test Ban Treaty.",
     "Polish President Aleksander Kwasniewski on Tuesday signed a law to ratify the "
     "Comprehensive Nuclear Test Ban Treaty."),
    ("WASHINGTON", ""),
    # AP's "_" dash and `` '' quotes
    ("The soft-spoken Sheehan, 48, is surprised and touched at the overwhelming response _ most "
     "of which is positive, she says.",
     "The soft-spoken Sheehan, 48, is surprised and touched at the overwhelming response — most "
     "of which is positive, she says."),
    ("She said the meeting, which she called ``pointless,'' lasted 20 minutes.",
     'She said the meeting, which she called "pointless," lasted 20 minutes.'),
    # optional-take markers
    ("(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS.)", ""),
    ("(BEGIN OPTIONAL TRIM.)", ""),
    ("(End optional trim)", ""),
    # separators, list markers, trailers, desk initials
    ("-- -- --", ""),
    ("___", ""),
    ("-- ``At least as dangerous as Osama bin Laden'' -- former CIA Director George Tenet.",
     '"At least as dangerous as Osama bin Laden" -- former CIA Director George Tenet.'),
    ("(pp-lja/maf)", ""),
    ("XXX END", ""),
    # editors' notes, photo desk and contact lines (NYT budget furniture)
    ("EDITOR'S NOTE -- Timberly Ross reported from Omaha.", ""),
    ("11-1-04 Editors, an illustration is available on the FPC Web site -- www.nytrng.com/fpc/ "
     "-- to accompany this story.", ""),
    ("andUR; PHOTOS AND GRAPHICS: andLR;", ""),
    ("= (PICTURES + GRAPHICS) =", ""),
    ("The Photo-Graphics editor is Deborah Marchand", ""),
    ("Phone: (888) 603-1036", ""),
    ("(Jennifer A. Dlouhy can be reached at 202-263-6400 or at the e-mail address "
     "jdlouhyhearstdc.com)", ""),
    ("Hiawatha Bray can be reached at brayglobe.com.", ""),
    ("* Wednesday, Feb. 24, 1999", ""),
    # AP desk codes after "<UR>", an insertion note, a NYT budget line (APW19980718.0828,
    # APW19980821.0541, NYT19990423.0262)
    ('"But the figure may increase as more bodies are found." andUR; MORE',
     '"But the figure may increase as more bodies are found."'),
    ("Kuwaiti Najeeb, 12th graf pvs andUR; vars-ggl", ""),
    ("The New York Times plans two pages of stories, photos and graphics on the aftermath of the "
     "school shooting in a Denver suburb that left 15 dead.", ""),
    # reporting credits (APW_ENG_20041006.0456) and a NYT lead paragraph carrying the headline in
    # capitals, credits and the dateline (NYT_ENG_20050814.0102)
    ("EDS: Associated Press writer Linda A. Johnson in Trenton contributed to this report.", ""),
    ("121 ARE KILLED AS JETLINER CRASHES NORTH OF ATHENS Anthee Carassava reported from Athens, "
     "Greece, for this article, and Ian Fisher from Prague, Czech Republic, and Rome. Matthew L. "
     "Wald contributed reporting from Washington. ATHENS, Greece -- A Cypriot passenger plane with "
     "121 people on board crashed Sunday just north of the Greek capital.",
     "A Cypriot passenger plane with 121 people on board crashed Sunday just north of the Greek "
     "capital."),
    # phone numbers and bare URLs inside text
    ("Consumers seeking information about the Thorn Apple Valley recall may contact the company "
     "at 1-800-316-2855.", ""),
    ("The unclassified version of the report, posted Tuesday on the agency's Web site "
     "(www.cia.gov), does not say explicitly whether Khan's network sold Iran complete plans.",
     "The unclassified version of the report, posted Tuesday on the agency's Web site, does not "
     "say explicitly whether Khan's network sold Iran complete plans."),
    ("The humorist Andy Borowitz files daily stories in perfect news-service deadpan on his Web "
     "site, www.BorowitzReport.com.",
     "The humorist Andy Borowitz files daily stories in perfect news-service deadpan on his Web "
     "site."),
    # copyright block before the story (APW19980615.1218, Jakarta Post via WorldSources)
    ("WASHINGTON, D.C. 20003 Tel: 202-547-4512 Fax: 202-546-4194 COPYRIGHT 1998 BY WORLDSOURCES, "
     "INC., A JOINT VENTURE OF FDCH, INC. AND WORLD TIMES, INC. NO PORTION OF THE MATERIALS "
     "CONTAINED HEREIN MAY BE USED IN ANY MEDIA WITHOUT ATTRIBUTION TO WORLDSOURCES, INC. Attorney "
     "General Soedjono C. Atmonegoro claimed yesterday that a relatively unknown local had been "
     "hired.",
     "Attorney General Soedjono C. Atmonegoro claimed yesterday that a relatively unknown local "
     "had been hired."),
]


def test_wire_furniture_rules_on_their_real_lines():
    for line, expected in WIRE_LINES:
        assert furniture.clean_paragraph(line) == expected, line


def test_story_text_that_looks_like_furniture_is_kept():
    for line in ("NATO -- the alliance -- said no more talks were planned.",
                 "Contact with the outside world remained limited and telephone and Internet "
                 "service, severed on Tuesday, had yet to be fully restored.",
                 "The 1978 statute is due to expire June 30."):
        assert furniture.clean_paragraph(line) == line


def test_on_the_net_block_is_dropped():
    blocks = [Block("paragraph", p) for p in (
        "The group filed suit in federal court.", "On the Net:",
        "Transportation Security Administration: http://www.tsa.gov",
        "American Life League's site: http://www.MorningAfterPill.org")]
    assert clean(_article("x", "Suit filed", blocks)).paragraphs == (
        "The group filed suit in federal court.",)


def _article(doc_id: str, title: str, blocks: list[Block], outlet: str = "") -> Article:
    return Article(id=doc_id, path=f"{doc_id}.txt", title=title, date="", outlet=outlet, byline="",
                   url="", missing=(), blocks=tuple(blocks), content_hash="")


def test_all_caps_headline_in_sentence_case_with_acronyms_and_names():
    body = [Block("paragraph", "BRUSSELS, Belgium (AP) -- NATO and the U.S. agreed Tuesday on a "
                               "plan for Kosovo, and Serbian leader Slobodan Milosevic rejected it.")]
    article = clean(_article("a", "NATO AND U.S. AGREE ON KOSOVO PLAN, MILOSEVIC SAYS NO", body))
    assert article.title == "NATO and U.S. agree on Kosovo plan, Milosevic says no"
    assert article.paragraphs[0].startswith("NATO and the U.S. agreed Tuesday")


@pytest.mark.parametrize(("title", "expected"), [
    # Reuters-21578 results (NEWIDs 210, 13, 38) with a table for a body, so
    # no body spells the name: the stock symbol does, and a company's "Inc" and a month are
    # capitalised in any sentence.
    ("GTI CORP <GTI> 4TH QTR OPER NET", "GTI Corp <GTI> 4th qtr oper net"),
    ("AM INTERNATIONAL INC <AM> 2ND QTR JAN 31", "AM international Inc <AM> 2nd qtr Jan 31"),
    ("<CINRAM LTD> 4TH QTR NET", "<Cinram Ltd> 4th qtr net"),
])
def test_all_caps_wire_headline_keeps_its_stock_symbol(title: str, expected: str):
    assert clean(_article("r", title, [Block("paragraph", "Shr 34 cts vs 1.19 dlrs")])).title == expected


def test_an_initial_in_a_headline_in_capitals_stays_a_capital():
    # A New York Times obituary in the LDC's AQUAINT collection (NYT19980601.0001); the
    # body's "a New York research sociologist" opens no sentence with the name.
    body = [Block("paragraph", "NEW YORK _ Kenneth Joseph Lenihan, a New York research "
                               "sociologist, died May 25 at his home in Manhattan.")]
    article = clean(_article("n", "KENNETH J. LENIHAN, SOCIOLOGIST WHO STUDIED CAUSES OF "
                                  "RECIDIVISM, DIES AT 69", body))
    assert article.title == "Kenneth J. Lenihan, sociologist who studied causes of recidivism, dies at 69"


def test_wire_brackets_around_a_company_and_its_stock_symbol_are_dropped():
    # Reuters-21578 NEWID 316, and a symbol as Reuters writes them in running text.
    body = [Block("paragraph", "Disagreement over management of <San Miguel Corp> (SMC) may follow "
                               "the Philippine government's appointment of a well-known banker to "
                               "the SMC board, investment analysts said."),
            Block("paragraph", "Varian Associates <VAR> said it formed a joint venture with "
                               "Siemens AG <SIEG.F>.")]
    paragraphs = clean(_article("r", "Analysts see San Miguel dispute", body)).paragraphs
    assert paragraphs[0].startswith("Disagreement over management of San Miguel Corp (SMC) may")
    assert paragraphs[1] == "Varian Associates said it formed a joint venture with Siemens AG."


def test_title_case_headline_and_outlet_suffix():
    body = [Block("paragraph", "Russia's special envoy said he hoped to meet Hamas leaders.")]
    article = clean(_article("b", "Russian Diplomat Hopes to Meet Hamas for Talks to Free Hostages "
                                  "– Agencies", body))
    assert (article.title, article.outlet) == (
        "Russian diplomat hopes to meet Hamas for talks to free hostages", "Agencies")
    # the real AQUAINT headline "Soedjono denies claim on foreign lawyer, JAKARTA POST"
    article = clean(_article("c", "Soedjono denies claim on foreign lawyer, JAKARTA POST", body))
    assert (article.title, article.outlet) == ("Soedjono denies claim on foreign lawyer",
                                               "Jakarta Post")
    # a table header in capitals is no spelling (Reuters-21578 NEWID 105)
    table = [Block("paragraph", "CUMULATIVE QUOTA 1987"), Block("paragraph", "The quota year began.")]
    assert clean(_article("g", "SUGAR QUOTA IMPORTS DETAILED", table)).title == (
        "Sugar quota imports detailed")
    article = clean(_article("f", "GREECE-CRASH-ART-735&ADD-NYT", body))  # a NYT desk slug
    assert article.title == ""
    article = clean(_article("d", "Hostages freed | Reuters", body, outlet="Reuters"))
    assert (article.title, article.outlet) == ("Hostages freed", "Reuters")
    # words after a comma are the headline's unless they are an outlet's name in capitals
    article = clean(_article("e", "Bush says economy strong, times tough", body))
    assert (article.title, article.outlet) == ("Bush says economy strong, times tough", "")
    # 500N-KPCrowd: a separator left closing the headline; "A" is an article, not an acronym,
    # while "I" stays a capital
    assert clean(_article("h", 'Movie Review - "In A Better World" -', body)).title == (
        'Movie review - "in a better world"')
    assert clean(_article("i", "What I Learned From A Year Of Running", body)).title == (
        "What I learned from a year of running")


def test_wire_version_tags_and_timestamp_lines():
    """Real lines from TAC 2011 (Xinhua and AP copy)."""
    from generator.clean import headline
    from generator.furniture import clean_paragraph

    title, _ = headline("3rd LD Writethru: Israeli woman killed in Israel's Dimona suicide bombing", "", [])
    assert title == "Israeli woman killed in Israel's Dimona suicide bombing"
    assert clean_paragraph("LOS ANGELES 2008-07-15 04:33:06 UTC (AP)") == ""
    # TAC 2011, APW_ENG_20070615.0356: the dateline led a coral-reef topic's page
    assert clean_paragraph("FORT LAUDERDALE, Florida 2007-06-15 05:06:17 UTC") == ""
    kept = "Officials said the trial would open on 2008-07-15 in Los Angeles."
    assert clean_paragraph(kept) == kept
