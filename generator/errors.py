"""The exceptions the generator raises.

    DigestError                 base: anything the CLI turns into one clear line
    ├── ConfigError             a bad key or value in digest.toml
    ├── InputError              one article file cannot be used (it is skipped)
    └── BuildError              the build as a whole cannot go on
        ├── SetupError          something the build needs is not installed
        └── PublishError        the site could not be published (old site kept)
"""

from __future__ import annotations


class DigestError(Exception):
    """Base class; `str()` is the one line the CLI prints."""


class ConfigError(DigestError):
    def __init__(self, source: str, key: str, problem: str, remedy: str) -> None:
        super().__init__(f"{source}: {key}: {problem} — {remedy}")
        self.key = key


class InputError(DigestError):
    def __init__(self, path: str, reason: str, remedy: str = "fix or remove the file") -> None:
        super().__init__(f"{path}: {reason} — {remedy}")
        self.path = path
        self.reason = reason


class BuildError(DigestError):
    pass


class PublishError(BuildError):
    pass


class SetupError(BuildError):
    pass
