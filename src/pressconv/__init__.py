"""pressconv: press releases in Markdown to DOCX, PDF and plain-text briefings.

    >>> import pressconv
    >>> doc = pressconv.parse("# Big news\\n\\n**BERLIN, 3 March 2021** – Today ...")
    >>> doc.headline
    'Big news'
"""

from __future__ import annotations

from .api import Result, convert, parse, write
from .errors import PressconvError
from .model import Document
from .writers import Writer, get_writer, registry

__all__ = ["Document", "PressconvError", "Result", "Writer", "convert", "get_writer", "parse",
           "registry", "write"]
__version__ = "0.1.0"
