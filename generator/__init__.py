"""News digest generator: seeds/ of news articles in, a static MkDocs site out."""

from __future__ import annotations

__version__ = "0.1.0"
