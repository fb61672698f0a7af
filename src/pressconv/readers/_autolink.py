"""GFM autolinks (mdit_py_plugins) without their quadratic paths.

The plug-in's inline rules copy the rest of the paragraph (``src[pos:posMax]``)
each time they are tried, and the protocol rule searches all pending text for
``http``: a paragraph of thousands of quotation marks, colons or "@" signs took
seconds to minutes.  Each rule is wrapped: a cheap check of the trigger first,
and the rule sees only a window of the paragraph long enough for any real link.
"""

from __future__ import annotations

from typing import Any, Callable

_PROTOCOLS = ("http", "https", "mailto", "xmpp")
# longer than any address or link a release carries: RFC 5321 caps an address at 254
# characters; browsers and servers refuse URLs past about 8 KB
_WINDOWS = {"gfm_autolink_protocol": 8192, "gfm_autolink_www": 8192, "gfm_autolink_email": 512}


def _triggered(name: str, state: Any) -> bool:
    char = state.src[state.pos]
    if name == "gfm_autolink_protocol":
        return char == ":" and state.pending.endswith(_PROTOCOLS)
    if name == "gfm_autolink_www":
        return char == "w"
    return char == "@"


def _bounded(name: str, rule: Callable[[Any, bool], bool]) -> Callable[[Any, bool], bool]:
    window = _WINDOWS[name]

    def bounded_rule(state: Any, silent: bool) -> bool:
        if state.pos >= state.posMax or not _triggered(name, state):
            return False
        end = state.posMax
        state.posMax = min(end, state.pos + window)
        try:
            return rule(state, silent)
        finally:
            state.posMax = end

    return bounded_rule


def bound_autolink_rules(parser: Any) -> None:
    """Replace the plug-in's rules in ``parser`` by bounded ones (after ``.use(gfm_autolink_plugin)``)."""
    for rule in list(parser.inline.ruler.__rules__):
        if rule.name in _WINDOWS:
            parser.inline.ruler.at(rule.name, _bounded(rule.name, rule.fn))
