"""``pressconv check``: what a release lacks or gets wrong, as coded findings for CI.

The recognisers already leave warnings on ``Document.warnings`` (no headline,
unattributed quote ...); this module turns them into findings and adds the
checks that are not about recognition: lengths, address and number syntax, a
past embargo, broken relative links.  A check that both sides make is
reported once.  Nothing here parses Markdown: it reads the Document and, for
line numbers the model does not carry, the source text.

    >>> [f.code for f in check_document(Document(headline="Big news", end_mark="###"))]
    ['PC102', 'PC103', 'PC104']
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import unquote, urlsplit

from ._regex_cache import cached_compile, keep_patterns_of
from .model import (
    Block, Document, Figure, Image, Link, Paragraph, plain_text,
)

#: code → (default severity, what it means); the README's table follows this one
CODES: dict[str, tuple[str, str]] = {
    "PC000": ("warning", "a note from the reader or a recogniser without its own code"),
    "PC001": ("warning", "control characters were removed from the input"),
    "PC100": ("error", "the file cannot be read as a press release"),
    "PC101": ("error", "no headline"),
    "PC102": ("warning", "no dateline (place and date opening the lead)"),
    "PC103": ("warning", "no date: neither the dateline nor the front matter gives a full date"),
    "PC104": ("error", "no media contacts"),
    "PC105": ("warning", "a contact without phone or e-mail"),
    "PC106": ("warning", "a quote without a speaker"),
    "PC107": ("error", "an invalid e-mail address"),
    "PC108": ("error", "an invalid phone number"),
    "PC109": ("warning", "no end mark (###, -30- ...)"),
    "PC110": ("warning", "headline over 170 characters"),
    "PC111": ("warning", "lead paragraph over 60 words"),
    "PC112": ("error", "the embargo date is in the past"),
    "PC113": ("error", "a relative link or image whose file does not exist"),
}
MAX_HEADLINE = 170
MAX_LEAD_WORDS = 60

_EMAIL = cached_compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                        r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")
_PHONE_CHARS = cached_compile(r"^\+?[\d\s\u00a0().\-/]+$")
_EXTENSION = cached_compile(r"\s*(?:ext\.?|x|extension|Durchwahl|poste)\s*\d{1,6}\s*$", re.I)


@dataclass(frozen=True)
class Finding:
    """One thing ``pressconv check`` reports."""

    file: str  #: the file, as given on the command line
    line: int  #: 1-based line (1 when the finding concerns the whole file)
    code: str  #: ``PC101`` ...
    severity: str  #: "error" or "warning"
    message: str  #: what is wrong and what to do


def check_document(document: Document, text: str | None = None, *, base_dir: Path | None = None,
                   disable: Iterable[str] = (), severity: dict[str, str] | None = None,
                   now: dt.datetime | None = None) -> list[Finding]:
    """Every finding for a parsed release, sorted by line; ``text`` is its Markdown (for lines)."""
    lines = (text or "").split("\n")
    found = _merge(list(_structural(document, lines, base_dir,
                                    now or dt.datetime.now().astimezone())), document)
    off = {c.upper() for c in disable}
    levels = severity or {}
    file = document.source or "<stdin>"
    return sorted((Finding(file, line or 1, code, levels.get(code, CODES.get(code, ("warning",))[0]),
                           message)
                   for code, line, message, _ in found if code not in off),
                  key=lambda f: (f.line, f.code))


def check_file(path: str | Path, **options: Any) -> list[Finding]:
    """Read and check one file; an unreadable file is one PC100 finding, not an exception.

    ``options`` are :func:`check_source`'s: ``disable``, ``severity``, ``now``.
    """
    from .readers.source import DEFAULT_MAX_BYTES

    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(DEFAULT_MAX_BYTES + 1)  # parse() refuses anything longer
    except OSError as error:
        return [Finding(str(path), 1, "PC100", "error", "cannot be read: %s" % error.strerror)]
    return check_source(data, str(path), path.resolve().parent, **options)


def check_source(data: bytes, name: str, base_dir: Path | None = None, **options: Any) -> list[Finding]:
    """Parse and check a release given as bytes; ``base_dir`` is where its links point."""
    from .api import parse
    from .errors import PressconvError

    try:
        document = parse(data, name=name)
    except PressconvError as error:
        message = error.message + (" (%s)" % error.hint if error.hint else "")
        return [Finding(name, error.line or 1, "PC100", "error", message)]
    text = data.decode("utf-8-sig").replace("\r\n", "\n")  # parse() has checked it is UTF-8
    return check_document(document, text, base_dir=base_dir, **options)


# ------------------------------------------------------------------ checks

# code, line, message, and the subject (an address, a quote ...) that tells two apart
Raw = tuple[str, "int | None", str, "str | None"]


def _structural(doc: Document, lines: list[str], base_dir: Path | None,
                now: dt.datetime) -> Iterator[Raw]:
    last = max((getattr(b, "line", None) or 0 for b in doc.body), default=0)
    end = max(len(lines) - (1 if lines and not lines[-1] else 0), last, 1)
    if not doc.headline:
        yield "PC101", 1, "no headline: start the release with a # heading", None
    elif len(doc.headline) > MAX_HEADLINE:
        yield ("PC110", _find(lines, doc.headline[:40]),
               "headline has %d characters; keep it under %d" % (len(doc.headline), MAX_HEADLINE),
               None)
    lead = _lead(doc)
    if doc.dateline is None:
        yield ("PC102", lead.line if lead else 1,
               "no dateline: open the lead with place and date, e.g. **BERLIN, 3 March 2024** –",
               None)
    dated = doc.dateline is not None and doc.dateline.date
    if not dated and not any(doc.metadata.get(k) for k in ("date", "published")):
        line = (lead.line if lead else None) or 1
        yield "PC103", line, "no full date in the dateline or the front matter (date:)", None
    if lead is not None:
        words = len(plain_text(lead.children).split())
        if words > MAX_LEAD_WORDS:
            yield ("PC111", lead.line,
                   "lead paragraph has %d words; keep it under %d" % (words, MAX_LEAD_WORDS), None)
    yield from _contacts(doc, lines, end)
    for quote in doc.quotes:
        if not quote.speaker:
            short = quote.text if len(quote.text) <= 50 else quote.text[:47] + "..."
            yield ("PC106", quote.line, "quote without a speaker: \u201c%s\u201d" % short,
                   quote.text[:40])
    if not doc.end_mark:
        yield "PC109", end, "no end mark: close the release with ### or -30-", None
    if doc.release is not None and doc.release.embargo and doc.release.until:
        until = _moment(doc.release.until)
        if until is not None and _is_past(until, now):
            yield ("PC112", _find(lines, doc.release.text[:40]),
                   "the embargo (%s) has passed; update it or release immediately"
                   % doc.release.until, None)
    yield from _links(doc, base_dir)


def _lead(doc: Document) -> Paragraph | None:
    if doc.dateline is not None and doc.dateline.lead is not None:
        block = doc.body[doc.dateline.lead]
        return block if isinstance(block, Paragraph) else None
    return next((b for b in doc.body if isinstance(b, Paragraph)), None)


def _contacts(doc: Document, lines: list[str], end: int) -> Iterator[Raw]:
    if not doc.contacts:
        yield ("PC104", end, "no media contacts: add a \"Media contact\" section with phone or "
               "e-mail", None)
    for contact in doc.contacts:
        who = contact.name or contact.organization or "a contact"
        line = contact.line or _find(lines, contact.email or contact.phone or who)
        if not contact.phone and not contact.email:
            yield "PC105", line, "%s has neither phone nor e-mail" % who, who
        if contact.email and not valid_email(contact.email):
            yield ("PC107", _find(lines, contact.email) or line,
                   "invalid e-mail address %r" % contact.email, contact.email)
        for phone in (contact.phone or "").split(";"):
            if phone.strip() and not valid_phone(phone.strip()):
                yield ("PC108", _find(lines, phone.strip()) or line,
                       "invalid phone number %r" % phone.strip(), phone.strip())


def valid_email(address: str) -> bool:
    """A plausible ``local@domain.tld`` address (syntax only, nothing is looked up)."""
    return len(address) <= 254 and bool(_EMAIL.match(address))


def valid_phone(number: str) -> bool:
    """Phone-number characters and a possible length; international numbers per their country."""
    number = _EXTENSION.sub("", number)
    if not _PHONE_CHARS.match(number):
        return False
    digits = sum(c.isdigit() for c in number)
    if number.startswith("+"):
        with keep_patterns_of("phonenumbers"):
            import phonenumbers

        try:
            return phonenumbers.is_possible_number(phonenumbers.parse(number, None))
        except phonenumbers.NumberParseException:
            return False
    return 6 <= digits <= 15


def _moment(text: str) -> dt.datetime | dt.date | None:
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _is_past(until: dt.datetime | dt.date, now: dt.datetime) -> bool:
    if isinstance(until, dt.datetime):
        if until.tzinfo is None:
            return until < now.replace(tzinfo=None)
        return until < now
    return until < now.date()


def _links(doc: Document, base_dir: Path | None) -> Iterator[Raw]:
    if base_dir is None:
        return
    blocks: list[Block] = list(doc.body)
    for section in doc.boilerplate:
        blocks.extend(section.children)
    for block, url, kind in _targets(blocks, None):
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            continue
        if not (base_dir / unquote(parts.path)).exists():
            yield ("PC113", block, "%s %r: no such file next to the release" % (kind, url), url)


def _targets(nodes: Iterable, line: int | None) -> Iterator[tuple[int | None, str, str]]:
    """(line of the enclosing block, url, "link"/"image") for every link and image."""
    for node in nodes:
        here = getattr(node, "line", None) or line
        if isinstance(node, Link):
            yield here, node.url, "link"
        elif isinstance(node, Image):
            yield here, node.url, "image"
        elif isinstance(node, Figure):
            yield here, node.image.url, "image"
        for name in ("children", "items", "header"):
            yield from _targets(getattr(node, name, ()) or (), here)
        for row in getattr(node, "rows", ()) or ():
            yield from _targets(row, here)


def _find(lines: list[str], needle: str) -> int | None:
    """The first line holding ``needle`` (whitespace-insensitive), for parts without a line."""
    needle = " ".join(needle.split())
    if not needle:
        return None
    for number, line in enumerate(lines, 1):
        if needle in " ".join(line.split()):
            return number
    return None


def _merge(found: list[Raw], doc: Document) -> list[Raw]:
    """Add the document's warnings, unless a check here already reports the same thing.

    The same thing: same code, and the same subject (named in the warning's text)
    or the same line; checks without a subject concern the whole release.
    """
    result = list(found)
    for message in doc.warnings:
        code = message.code or "PC000"
        for i, (c, line, text, subject) in enumerate(result):
            named = subject in message.text if subject else True
            if c == code and (named or (line is not None and line == message.line)):
                if line is None:
                    result[i] = (c, message.line, text, subject)
                break
        else:
            result.append((code, message.line, message.text, None))
    return result


# ----------------------------------------------------------------- output


def format_text(findings: list[Finding]) -> str:
    """``file:line: CODE severity: message`` lines and a count."""
    out = ["%s:%d: %s %s: %s" % (f.file, f.line, f.code, f.severity, f.message) for f in findings]
    errors = sum(f.severity == "error" for f in findings)
    out.append("%d error%s, %d warning%s" % (errors, "s"[:errors != 1], len(findings) - errors,
                                              "s"[:len(findings) - errors != 1]))
    return "\n".join(out) + "\n"


def format_json(findings: list[Finding]) -> str:
    """A JSON array of findings: file, line, code, severity, message."""
    return json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2) + "\n"


def format_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""
    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    return "".join("::%s file=%s,line=%d,title=%s::%s\n"
                   % (f.severity, prop(f.file), f.line, prop(f.code), data(f.message))
                   for f in findings)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}
