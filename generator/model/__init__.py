"""The immutable data model. Each field's docstring names the stage that fills it.

Stages never mutate: they return new objects (`dataclasses.replace`). Templates only see
the finished `Digest`. The shapes live in three modules, by the stage that makes them;
import them from here.
"""

from generator.model.article import (
    Article,
    Block,
    Copy,
    Entity,
    Extraction,
    Figure,
    Keyword,
    Mention,
    Problem,
    Sentence,
)
from generator.model.digest import Change, Digest, Edition, FeedEntry, TopicUpdate
from generator.model.topic import (
    DefinedTopic,
    Event,
    Fact,
    FigureGroup,
    FigureSources,
    Merge,
    Topic,
    TopicGroup,
    Variant,
)

__all__ = [
    "Article", "Block", "Change", "Copy", "DefinedTopic", "Digest", "Edition", "Entity", "Event",
    "Extraction", "Fact", "FeedEntry", "Figure", "FigureGroup", "FigureSources", "Keyword",
    "Mention", "Merge", "Problem", "Sentence", "Topic", "TopicGroup", "TopicUpdate", "Variant",
]
