"""The exception family users catch: every error says where, what and what to do."""

from __future__ import annotations


class PressconvError(Exception):
    """Base of every error pressconv raises on purpose."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message  #: what is wrong
        self.file = file  #: the file concerned, when there is one
        self.line = line  #: 1-based line (or byte offset, see the message), when known
        self.hint = hint  #: what the user can do about it

    def __str__(self) -> str:
        where = self.file or ""
        if self.line is not None:
            where = "%s:%d" % (where, self.line) if where else "line %d" % self.line
        text = "%s: %s" % (where, self.message) if where else self.message
        if self.hint:
            text += " (%s)" % self.hint
        return text


class InputError(PressconvError):
    """The input cannot be read: missing, not UTF-8 text, binary or too large."""


class ConfigError(PressconvError):
    """An option or configuration value is invalid."""


class UnknownFormatError(ConfigError):
    """No writer is registered under the requested name or suffix."""


class RegistryError(PressconvError):
    """A writer was registered twice or cannot be loaded."""


class OutputError(PressconvError):
    """The output cannot be written (unwritable folder, same path as the input, exists)."""


class ConversionError(PressconvError):
    """A writer could not turn this document into its format (too large, timeout ...)."""
