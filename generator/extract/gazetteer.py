"""Word lists and patterns for entity names: titles, page furniture, wire artefacts, type cues
and a small gazetteer of kinds spaCy's small model mistypes (diseases, buildings, events)."""

from __future__ import annotations

import re

TITLES = {"president", "prime", "minister", "deputy", "foreign", "dr", "mr", "mrs", "ms", "executive",
          "ceo", "chairman", "chairwoman", "coach", "manager", "striker", "actor", "actress", "singer",
          "prof", "professor", "sir", "gen", "general", "col", "sen", "senator", "rep",
          "ambassador", "rabbi", "chief", "king", "queen", "prince", "pope", "judge", "former",
          "secretary", "chancellor", "governor", "mayor", "spokesman", "spokeswoman", "st"}
FURNITURE = {"youtube", "live", "video", "watch", "comment", "post", "share", "twitter",
             "facebook", "instagram", "telegram", "appendix", "advertisement", "getty images",
             "reuters/", "ap", "afp", "ap photo", "nyt"}
# Menu and dialogue strings that quoted screens put in the text ("Abort, Retry, Fail").
MENU = {"abort", "retry", "ignore", "fail", "cancel", "ok", "click", "here", "login", "subscribe",
        "menu", "home", "next", "previous", "back", "more", "read", "sign", "in", "yes", "no"}
PERSON_CUES = {"hostage", "mother", "father", "son", "daughter", "wife", "husband", "fiancée",
               "fiance", "fiancé", "brother", "sister", "dr.", "mr.", "mrs.", "ms.", "professor",
               "president", "minister", "ambassador", "spokesman", "spokeswoman", "official",
               "leader", "rabbi", "director", "fellow", "captive",
               "prisoner", "soldier", "journalist", "envoy", "diplomat", "chief", "citizen"}
# "in Givat Zeev": a name after these words is where something happens, not who.
PLACE_CUES = {"in", "near", "outside", "inside", "across", "throughout"}
# Written for the full name in news copy whether or not the article spells it out once:
# standard abbreviations, and the short names of two countries ("Britain (10)" and "United
# Kingdom (12)" were two entries of one index, from 500 web news of 2011).
STANDARD_NAMES = {"u.s.": "United States", "us": "United States", "u.s.a.": "United States",
                  "usa": "United States", "america": "United States", "u.n.": "United Nations",
                  "un": "United Nations", "u.k.": "United Kingdom", "uk": "United Kingdom",
                  "britain": "United Kingdom",
                  "e.u.": "European Union", "eu": "European Union", "n.y.": "New York"}
# Name words that fix the kind whatever spaCy said: a disease or an event is "other", a
# building or a room a place ("West Nile Virus", "Olympic Games", "Oval Office").
KIND_WORDS = {
    "other": {"virus", "fever", "flu", "influenza", "disease", "syndrome", "cancer", "aids", "hiv",
              "sars", "malaria", "tuberculosis", "cholera", "ebola", "measles", "hepatitis",
              "olympics", "games", "cup", "championship", "championships", "war", "festival",
              "summit", "bowl", "marathon", "tournament"},
    "place": {"building", "tower", "towers", "stadium", "airport", "station", "bridge", "square",
              "plaza", "palace", "castle", "cathedral", "mosque", "arena", "oval office",
              "east room", "situation room", "west wing", "rose garden", "city hall"},
}
# A name is the same without its legal or generic tail ("Apple Inc.", "Likud Party", "Gaza
# Strip"); not "City" or "State": Mexico is not Mexico City.
NAME_TAILS = {"organization": {"inc", "corp", "corporation", "co", "ltd", "plc", "llc", "group",
                               "company", "party", "movement", "organization", "organisation"},
              "place": {"strip", "province"}}

# Wire slugs ("BC-BRAZELTON-SAMPLE-1-NYTSF", "AUTISM-INFO") and codes ("A-2254"), but not
# names such as "AFL-CIO", "C-130" or "G-7".
WIRE_SLUG = re.compile(r"^BC-|^(?=.*[A-Z]{4})[A-Z0-9&]+(?:-[A-Z0-9&]+)+$|"
                       r"^[A-Z0-9&]+(?:-[A-Z0-9&]+){2,}$|^[A-Z]{1,3}-?\d{4,}$")
# Markup remnants ("ADDICTION &QL", "``It") and fragments that punctuation shows are not a name.
MARKUP = re.compile(r"&[A-Za-z]{1,5}\b|[<>{}\[\]`|@#*=_:;!?]|''")
