"""Media contacts: find the press-contact block, read each person or desk, take it out of the body.

The block is found under a contact heading (``## Media contacts``), after a
label line (``Media Contact``, ``**Kontakt**``, ``Contacts Presse :``), after an
inline label (``CONTACT: Rob Nichols at 202-622-2920``, ``Presseanfragen bitte
an ...``), in front matter (``contacts:``), or, when there is none of these,
in a short sentence that offers the press an e-mail or phone (see
``_contact_blocks``).  Each contact gets name (no honorific), role,
organisation, phone as written (several joined with "; ") and normalised,
bare e-mail and web address.  The blocks taken leave the body (or the
boilerplate section they stood in), so writers do not print them twice.

Warnings: PC104 no contacts, PC105 a contact without phone or e-mail,
PC107 an e-mail address that is not valid, PC108 a phone number that is not.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable, Sequence

from ...model import Block, Contact, Document, Message, Paragraph
from ._blocks import (
    INNER_LABEL, Found, Unit, clean, find_blocks, find_sentences, has_means,
)
from ._context import DomainNames, guess_language, language_region
from ._fields import has_identity, read_fields, residual, split_contacts, strip_honorific
from ._means import Means, find_means
from ._words import OTHER_DESK, PRESS_KIT, SOCIAL

_FRONT_MATTER_KEYS = ("contacts", "contact", "media_contacts", "media_contact", "press_contacts",
                      "press_contact", "media-contacts", "press-contacts")
_MAPPING_KEYS = {"name": ("name", "person"), "role": ("role", "title", "position", "job_title"),
                 "organization": ("organization", "organisation", "org", "company", "agency"),
                 "phone": ("phone", "tel", "telephone", "mobile", "phones"),
                 "email": ("email", "e-mail", "mail"), "url": ("url", "website", "web", "site")}


def apply(document: Document) -> Document:
    """Move the media-contact block(s) into ``Document.contacts`` (warning PC104 when there is none)."""
    messages: list[Message] = []
    regions = _regions(document)
    organisations = DomainNames(document)
    # contacts already there (a second run, a caller's own) are kept
    contacts = list(document.contacts) + _front_matter(document.metadata, regions, messages)
    heading: str | None = document.contacts_heading
    boilerplate = list(document.boilerplate)
    containers: list[tuple[Block, ...]] = [document.body] + [b.children for b in boilerplate]
    located = [find_blocks(blocks, regions) for blocks in containers]
    release = document.release
    if not any(located) and release is not None:
        match = INNER_LABEL.search(release.text)
        unit = Unit(release.text[match.end():]) if match else None
        if match and unit and has_means(unit, regions):  # "FOR IMMEDIATE RELEASE CONTACT: Ann Lee ..."
            contacts += read_contacts([unit], regions, messages, organisations)
            heading = clean(match.group())
            release = replace(release, text=release.text[:match.start()].rstrip(" \u00a0,;"))
    if not any(located) and not contacts:
        located = [find_sentences(blocks, regions) for blocks in containers]
    for position, found in enumerate(located):
        taken = []
        for item in found:
            read = read_contacts(item.units, regions, messages, organisations, item.labelled)
            if read:  # a block that gave no contact stays where it is
                contacts += read
                heading = heading or item.heading
                taken.append(item)
        containers[position] = _without(containers[position], taken)
    contacts = _unique(contacts)
    if not contacts:
        messages.append(Message("no media contact found: add a 'Media contact' section with a name "
                                "and an e-mail address or phone number", "PC104"))
    boilerplate = [replace(b, children=children) for b, children in zip(boilerplate, containers[1:])]
    return document.replace(body=containers[0], boilerplate=tuple(boilerplate), release=release,
                            contacts=tuple(contacts), contacts_heading=heading if contacts else None,
                            warnings=document.warnings + tuple(messages))


def read_contacts(units: Iterable[Unit], regions: Sequence[str], messages: list[Message],
                  organisations: DomainNames | None = None, labelled: bool = True) -> list[Contact]:
    """One Contact per person or desk in the units (see ``split_contacts``).

    A unit that names no one (only labelled e-mails or phones) adds to the
    contact before it; so does any unit after a header that has no means of
    contact ("### Acme Corp.", "**Jane Doe**").
    """
    chunks: list[tuple[list[str], list[Means], int | None]] = []
    units = list(units)
    if any(unit.glued() for unit in units):  # one glued line: the whole block lost its breaks
        units = [unit.unglued() for unit in units]
    for unit in units:
        other = OTHER_DESK.search(unit.text)
        if other is not None:  # investors or general enquiries from here on: not media contacts
            if not unit.text[:other.start()].strip():
                break
            unit = unit.head(other.start())
        means = unit.means(regions)
        spans = split_contacts(unit.text, means)
        for number, (start, end) in enumerate(spans):
            mine = [m for m in means if start <= m.start < end or (end == len(unit.text) and m.start == end)]
            rest = residual(unit.text, start, end, mine)
            kinds = {m.kind for m in mine if m.kind in ("email", "phone")}
            if chunks and number == 0:
                before = {m.kind for m in chunks[-1][1] if m.kind in ("email", "phone")}
                details = not has_identity(rest) and not ("email" in kinds and "email" in before)
                if not before or details:
                    chunks[-1][0].append(rest)
                    chunks[-1][1].extend(mine)
                    continue
            chunks.append(([rest], list(mine), unit.line))
        if other is not None:
            break
    contacts = []
    for rests, means, line in chunks:
        contact = _contact("\n".join(rests), means, line, messages, organisations, labelled)
        if contact is not None:
            contacts.append(contact)
    return contacts


def _contact(rest: str, means: list[Means], line: int | None, messages: list[Message],
             organisations: DomainNames | None, labelled: bool) -> Contact | None:
    emails = [m for m in means if m.kind == "email"]
    phones = [m for m in means if m.kind == "phone"]
    urls = [m.value for m in means if m.kind == "url" and not SOCIAL.search(m.value)
            and not PRESS_KIT.search(m.value)]
    fields = read_fields(rest)
    if not emails and not phones and not fields["name"] and not (labelled and fields["organization"]):
        return None
    email = next((m for m in emails if m.valid), emails[0] if emails else None)
    organization = fields["organization"]
    if organization is None and email is not None:
        # "Shells.com" on its own line above alex@shells.com names the organisation
        domain = email.value.rsplit("@", 1)[-1].lower()
        named = next((u for u in urls if u.lower() == domain and u[:1].isupper()), None)
        if named is not None:
            organization = named
            urls = [u for u in urls if u is not named]
    if organization is None and email is not None and organisations is not None:
        organization = organisations.get(email.value.rsplit("@", 1)[-1])
    contact = Contact(
        name=fields["name"], role=fields["role"], organization=organization,
        phone="; ".join(dict.fromkeys(m.value for m in phones)) or None,
        email=email.value if email else None, url=urls[0] if urls else None,
        phone_e164=next((m.e164 for m in phones if m.e164), None), line=line)
    _check(contact, email, phones, messages, line)
    return contact


def _check(contact: Contact, email: Means | None, phones: list[Means], messages: list[Message],
           line: int | None) -> None:
    if email is not None and not email.valid:
        messages.append(Message("e-mail address %r of a media contact does not look valid: check it"
                                % email.value, "PC107", line))
    for phone in phones:
        if not phone.valid:
            messages.append(Message("phone number %r of a media contact is not a valid number: check it "
                                    "or write it with its country code (+49 30 ...)" % phone.value,
                                    "PC108", line))
    if email is None and not phones:
        who = contact.name or contact.organization or "a media contact"
        messages.append(Message("%s has no phone or e-mail: add one so journalists can reach them" % who,
                                "PC105", line))


def _without(blocks: tuple[Block, ...], found: list[Found]) -> tuple[Block, ...]:
    out = list(blocks)
    for item in reversed(found):
        first = blocks[item.start]
        out[item.start:item.end] = [Paragraph(item.keep, first.line)] if item.keep else []
    return tuple(out)


def _unique(contacts: list[Contact]) -> list[Contact]:
    """Drop a contact given twice (front matter and body)."""
    out: list[Contact] = []
    seen: set[str] = set()
    for contact in contacts:
        key = (contact.name or "").casefold() or (contact.email or "").casefold() \
            or contact.phone_e164 or (contact.organization or "").casefold()
        if key not in seen:
            seen.add(key)
            out.append(contact)
    return out


def _regions(document: Document) -> list[str]:
    """Phone regions to try for numbers without a country code, the release's language first."""
    first = language_region(document.language or guess_language(document.body))
    return ([first] if first else []) + [r for r in ("US", "GB", "DE", "FR") if r != first]


def _front_matter(metadata: Any, regions: Sequence[str], messages: list[Message]) -> list[Contact]:
    value = next((metadata[k] for k in _FRONT_MATTER_KEYS if metadata.get(k)), None)
    if value is None:
        return []
    out: list[Contact] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            out += read_contacts([Unit(item)], regions, messages)
        elif isinstance(item, dict):
            out += _from_mapping(item, regions, messages)
    return out


def _from_mapping(item: dict, regions: Sequence[str], messages: list[Message]) -> list[Contact]:
    values: dict[str, str | None] = {}
    for target, keys in _MAPPING_KEYS.items():
        raw = next((item[k] for k in keys if item.get(k)), None)
        if isinstance(raw, list):
            raw = "; ".join(str(v) for v in raw)
        values[target] = None if raw is None else str(raw).strip()
    means = find_means(" / ".join(v for v in (values["phone"], values["email"]) if v), (), regions)
    phones = [m for m in means if m.kind == "phone"]
    email = next((m for m in means if m.kind == "email"), None)
    name = strip_honorific(values["name"])[0] if values["name"] else None
    if not (name or values["email"] or values["phone"] or values["organization"]):
        return []
    contact = Contact(name=name, role=values["role"], organization=values["organization"],
                      phone=values["phone"], email=email.value if email else values["email"],
                      url=values["url"], phone_e164=next((m.e164 for m in phones if m.e164), None))
    if values["phone"] and not any(m.valid for m in phones):
        phones = [Means(0, 0, "phone", values["phone"], valid=False)]
    _check(contact, email, phones if values["phone"] else [], messages, None)
    return [contact]
