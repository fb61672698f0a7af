"""The whole model as JSON: the inspect contract's keys first, then the rest of ``to_dict``.

The contract keys (:func:`pressconv.contract.inspect_dict`: headline, dateline,
quotes, contacts, end mark ...) come first, so a tool reading the file finds
them at the top as ``pressconv inspect --json`` prints them.  Where the
contract and the model name the same thing, the model's fields join the
contract's (``type``, ``lead``, ``line`` ...) and the model's value wins, so
``Document.from_dict(json.loads(output))`` gives the document back.

Option: ``ascii`` (escape non-ASCII characters as ``\\uXXXX``).
"""

from __future__ import annotations

import json
from typing import Any

from ..contract import inspect_dict
from ..model import Document
from ..resources import WriteContext
from . import Writer
from ._plain import flag_option


class JsonWriter(Writer):
    """The press-release model as JSON, readable by ``Document.from_dict``."""

    name = "json"
    suffixes = (".json",)
    binary = False
    description = "the whole model as JSON (inspect contract keys first; Document.from_dict reads it)"

    def write(self, document: Document, context: WriteContext) -> str:
        data = document.to_dict()
        merged = {key: _overlay(value, data.pop(key, None))
                  for key, value in inspect_dict(document).items()}
        merged.update(data)
        return json.dumps(merged, ensure_ascii=flag_option(context, "ascii", False), indent=2) + "\n"


def _overlay(contract: Any, model: Any) -> Any:
    """The model's value with the contract's keys first; the model wins where both have a key."""
    if isinstance(contract, dict) and isinstance(model, dict):
        return {**contract, **model}
    if isinstance(contract, list) and isinstance(model, list) and len(contract) == len(model):
        return [_overlay(c, m) for c, m in zip(contract, model)]
    return contract if model is None else model
