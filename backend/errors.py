"""The one error type of the backend: a message a user can act on."""
from __future__ import annotations


class BuildError(Exception):
    """A build that cannot go on. `hint` says what to do about it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n{self.hint}"
