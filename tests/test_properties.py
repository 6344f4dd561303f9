"""Property-based tests for escaping, slugs, number parsing and reading newswire (hypothesis)."""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.numbers import parse_number
from generator.render import escape_md, safe_title
from generator.text import RESERVED_SLUGS, SlugRegistry, clean_inline, slugify

# One line of article text: anything printable, Markdown and HTML syntax included.
line = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=80).map(clean_inline)
syntax = st.lists(st.sampled_from([
    "<", ">", "&", "&amp;", "<script>", "</p>", "[a](javascript:x)", "![i](data:x)", "*", "_", "`",
    "#", "##", "---", "|", "{{ x }}", "{% y %}", "{#id}", "\\", "<!--", "-->", "1.", "- ", "> ", "~~",
    "http://x.y", "<http://x.y>", "&#60;", "[^1]", "[x]: http://e.com", "word", "1)", "+ ",
    "2.5", "(x)", "U.S.", "-", "12.", "a-b",
]), max_size=12).map(" ".join)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@settings(max_examples=300, deadline=None)
@given(st.one_of(line, syntax))
def test_escaped_text_renders_as_itself(text: str):
    rendered = markdown.markdown(escape_md(text), extensions=["tables", "attr_list", "toc"])
    parser = Tags()
    parser.feed(rendered)
    assert set(parser.tags) <= {"p"}, (text, rendered)
    shown = "".join(parser.text)  # the parser already decodes character references
    assert re.sub(r"\s+", " ", shown).strip() == re.sub(r"\s+", " ", text).strip()


@settings(max_examples=300, deadline=None)
@given(st.one_of(line, syntax))
def test_escaped_text_renders_as_itself_in_a_list_item_and_a_table_cell(text: str):
    """Where templates print text: after a list marker, and in a table cell."""
    for markup, allowed, head in ((f"- {escape_md(text)}", {"ul", "li"}, ""),
                                  (f"| Head |\n| --- |\n| {escape_md(text)} |",
                                   {"table", "thead", "tbody", "tr", "th", "td"}, "Head ")):
        rendered = markdown.markdown(markup, extensions=["tables", "attr_list", "toc"])
        parser = Tags()
        parser.feed(rendered)
        assert set(parser.tags) <= allowed, (text, rendered)
        shown = re.sub(r"\s+", " ", "".join(parser.text)).strip()
        assert shown == (head + re.sub(r"\s+", " ", text)).strip(), (text, rendered)


@given(st.one_of(line, syntax))
def test_titles_have_no_angle_brackets(text: str):
    assert "<" not in safe_title(text) and ">" not in safe_title(text)


@given(st.lists(st.one_of(line, syntax, st.sampled_from(["index", "..", ".", "404", "", "-"])),
                min_size=1, max_size=20))
def test_slugs_are_safe_and_unique(texts: list[str]):
    registry = SlugRegistry()
    slugs = [registry.claim(t, f"fallback-{i}") for i, t in enumerate(texts)]
    assert len(set(slugs)) == len(slugs)
    for slug in slugs:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug
        assert slug not in RESERVED_SLUGS


@given(st.text(max_size=40))
def test_slugify_is_ascii_and_bounded(text: str):
    slug = slugify(text)
    assert slug == "" or re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert len(slug) <= 60


@given(st.integers(min_value=0, max_value=10**15))
def test_grouped_digits_parse_exactly(n: int):
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


digit_runs = st.integers(1, 400).flatmap(lambda n: st.text("123456789", min_size=n, max_size=n))


@given(st.text(alphabet="0123456789.,eE+-infa", max_size=15) | digit_runs)
def test_number_parsing_never_returns_non_finite(text: str):
    # Long runs of digits overflow a float to inf; they must be dropped, not shown.
    value = parse_number(text)
    assert value is None or math.isfinite(value)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_dot_grouped_thousands_are_not_guessed(head: int, tail: int):
    assert parse_number(f"{head}.{tail:03d}") is None


newswire_part = st.lists(st.sampled_from([
    "<DOC>", "</DOC>", "<DOCNO> APW19980601.0007 </DOCNO>", "<HEADLINE>", "</HEADLINE>", "<TEXT>",
    "</TEXT>", "<P>", "</P>", "<DATE_TIME> 06/02/1998 </DATE_TIME>", "<DATE>", "&QL;", "&AMP;",
    "&amp;lt;b&amp;gt;", "By SETH", "\n", "   ", "word", "<script>", "<DOC id=\"x\"", ">", "<",
]), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(newswire_part)
def test_any_newswire_text_is_read_or_reported(text: str):
    from generator.errors import InputError
    from generator.readers import read_newswire

    try:
        found, blocks = read_newswire("<DOC>\n" + text)
    except InputError:
        return
    assert all(b.text == clean_inline(b.text) and b.text for b in blocks)
    assert all(isinstance(v, str) for v in found.values())
