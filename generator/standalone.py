"""Sentences a reader understands without the one before them: what a lead, a key point,
a timeline line or a fact's shown text may be."""

from __future__ import annotations

import re

from generator.text import words

# Shorter leans on what came before ("The Palestinians say a vote is not required."), longer
# is a run-on paragraph. 10 rather than 8: DUC-2004 tuned half ROUGE-1/2 39.03/10.98 -> 39.24/11.12.
MIN_WORDS, MAX_WORDS = 10, 55

# A sentence opening with these needs the sentence before it ("He said", "But the ...").
_DEPENDENT = frozenset(str.split("""
he she it they them him her his its their theirs this these those that there we us our i
you but and or so yet also however meanwhile still moreover furthermore instead then
nevertheless nonetheless besides otherwise thus hence therefore such both neither either
"""))
# These after a short subject point back as well ("The train then crashed", "Police also
# found").
_CONNECTIVES = frozenset(str.split("""
also then however meanwhile nevertheless nonetheless moreover furthermore instead therefore
thus
"""))
_CLOSES = (".", "!", '"', "”", "’", "'", ")")
_QUOTES = "\"“”«»"
# Single quotes, as British papers quote: a closing mark after the sentence's end, and an
# opening mark (not an apostrophe: "I'm", "she’s").
_CLOSING_SINGLE = re.compile(r"[.!?,]['’]\s*$")
_OPENING_SINGLE = re.compile(r"‘|(?:^|\s)'")
_FURNITURE = re.compile(
    r"^[A-Z][A-Z .'-]{2,}(?:,[\w .]+)?(?:\([\w .]+\))?\s*(?:--|—|–|_)\s"  # "PONTOISE, France (AP) --"
    r"|\((?:AP|Reuters|AFP|UPI)\)|\bXXX\b|\bEND$|https?://|www\.|@\w|\b\d{3}-\d{3}-\d{4}\b"
    r"|^(?:On the Net|Related|Photo|Read more|Click|Copyright)\b"
    r"|^(?:[A-Z][A-Z.'-]+ ){0,2}[A-Z][A-Z.'-]*:\s")  # a transcript's speaker: "PETER:", "Q:"


def stands_alone(text: str) -> bool:
    """Whether a reader understands the sentence without the one before it."""
    tokens = words(text)
    if not MIN_WORDS <= len(tokens) <= MAX_WORDS or not text.rstrip().endswith(_CLOSES):
        return False  # a question, a fragment, or a line of a table ("Shr loss 1.98 dlrs vs …")
    first = text.lstrip()[:1]
    if first in _QUOTES or first in "'‘(-–—" or first.islower():
        return False  # a quote fragment or a sentence cut in two
    if sum(text.count(q) for q in '"“”') % 2 or _FURNITURE.search(text):
        return False
    if _CLOSING_SINGLE.search(text) and not _OPENING_SINGLE.search(text):
        return False  # the end of a quote opened in an earlier sentence
    return tokens[0] not in _DEPENDENT and _CONNECTIVES.isdisjoint(tokens[1:4])
