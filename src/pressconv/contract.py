"""The inspect contract: the keys measuring tools read (see docs/inspect-json.md)."""

from __future__ import annotations

from typing import Any

from .model import Document


def inspect_dict(document: Document) -> dict[str, Any]:
    """The press-release parts as the contract's JSON object (keys always present)."""
    dateline = document.dateline
    release = document.release
    return {
        "headline": document.headline,
        "subheadline": document.subheadline,
        "dateline": None if dateline is None else {
            "place": dateline.place, "date": dateline.date, "raw": dateline.raw or None},
        "quotes": [{"text": q.text, "speaker": q.speaker, "role": q.role} for q in document.quotes],
        "contacts": [
            {"name": c.name, "role": c.role, "organization": c.organization, "phone": c.phone,
             "email": c.email, "url": c.url, "phone_e164": c.phone_e164}
            for c in document.contacts
        ],
        "end_mark": document.end_mark,
        "release": None if release is None else {
            "text": release.text, "embargo": release.embargo, "until": release.until},
        "boilerplate": [b.title for b in document.boilerplate],
        "language": document.language,
        "metadata": dict(document.metadata),
        "warnings": [
            {"code": w.code, "line": w.line, "message": w.text} for w in document.warnings
        ],
    }
