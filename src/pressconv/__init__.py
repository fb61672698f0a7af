"""pressconv: press releases in Markdown to DOCX, PDF and plain-text briefings.

    >>> import pressconv
    >>> doc = pressconv.parse("# Big news\\n\\n**BERLIN, 3 March 2021** – Today ...")
    >>> doc.headline
    'Big news'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below, for type checkers; at run time they load on first use
    from .api import Result, convert, parse, write
    from .errors import PressconvError
    from .model import Document
    from .writers import Writer, get_writer, registry

__all__ = ["Document", "PressconvError", "Result", "Writer", "convert", "get_writer", "parse",
           "registry", "write"]
__version__ = "0.1.0"

# Where each public name lives.  ``import pressconv`` itself loads nothing else, so the
# command line (``pressconv.cli``) can set its collector up before the model and the
# recognisers load (start-up time).
_HOMES = {"Result": "api", "convert": "api", "parse": "api", "write": "api",
          "PressconvError": "errors", "Document": "model",
          "Writer": "writers", "get_writer": "writers", "registry": "writers"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError("module 'pressconv' has no attribute %r" % name)
    value = getattr(import_module("." + home, __name__), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
