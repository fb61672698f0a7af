"""The scoring rules of the project's extraction scorer (``score_extraction.py``, kept
beside the project for measuring it from outside), copied here so that the
benchmark runs in a clone of this repository alone.  Keep them identical.
"""

from __future__ import annotations

import difflib
import re
import unicodedata


QUOTE_CHARS = "\"'“”„‟«»‹›‘’‚‛「」『』"


def norm(text: str | None) -> str:
    """Case-folded text with markup, quote marks and spacing normalised away."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"<[^>]+>", " ", text)          # inline HTML
    text = re.sub(r"[*_`\\]", "", text)            # emphasis / escapes
    text = text.translate({ord(c): " " for c in QUOTE_CHARS})
    text = text.replace("–", "-").replace("—", "-").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text).strip(" .,;:-")
    return text.casefold()


def similar(a: str | None, b: str | None) -> float:
    a, b = norm(a), norm(b)
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def digits(phone: str | None) -> str:
    d = re.sub(r"\D", "", phone or "")
    return d[2:] if d.startswith("00") else d


def same_phone(a: str | None, b: str | None) -> bool:
    da, db = digits(a), digits(b)
    if not da or not db:
        return False
    # a national number matches its international form: compare the tails
    n = min(len(da), len(db), 9)
    return da[-n:] == db[-n:] and min(len(da), len(db)) >= 6


def same_person(gold: str | None, pred: str | None) -> bool:
    """A speaker matches when the gold surname (last word) is in the prediction, or vice versa."""
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return not g and not p
    g_last, p_last = g.split()[-1], p.split()[-1]
    return g_last in p.split() or p_last in g.split() or g == p


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match_quotes(gold: list[dict], pred: list[dict]) -> tuple[int, int]:
    """Greedy one-to-one matching on text similarity >= 0.85 (or containment of a long quote).
    Returns (matched, matched-with-right-speaker)."""
    used: set[int] = set()
    matched = speaker_ok = 0
    for g in gold:
        best, best_i = 0.0, -1
        for i, p in enumerate(pred):
            if i in used:
                continue
            s = similar(g.get("text"), p.get("text"))
            gn, pn = norm(g.get("text")), norm(p.get("text"))
            if len(gn) > 40 and (gn in pn or pn in gn) and min(len(gn), len(pn)) / max(len(gn), len(pn)) > 0.8:
                s = max(s, 0.9)
            if s > best:
                best, best_i = s, i
        if best >= 0.85:
            used.add(best_i)
            matched += 1
            if same_person(g.get("speaker"), pred[best_i].get("speaker")):
                speaker_ok += 1
    return matched, speaker_ok


def contact_key_match(g: dict, p: dict) -> bool:
    ge, pe = (g.get("email") or "").strip().lower(), (p.get("email") or "").strip().lower()
    if ge and pe:
        return ge == pe
    if g.get("phone") and p.get("phone"):
        return same_phone(g.get("phone"), p.get("phone"))
    if g.get("name") and p.get("name"):
        return same_person(g.get("name"), p.get("name"))
    if g.get("organization") and p.get("organization"):
        return similar(g.get("organization"), p.get("organization")) >= 0.8
    return False


def contact_fields(g: dict, p: dict) -> tuple[int, int]:
    """(fields right, fields in gold) for one matched contact."""
    right = total = 0
    for key in ("name", "organization", "phone", "email"):
        if not g.get(key):
            continue
        total += 1
        if key == "phone":
            right += same_phone(g[key], p.get(key))
        elif key == "email":
            right += (g[key].strip().lower() == (p.get(key) or "").strip().lower())
        elif key == "name":
            right += same_person(g[key], p.get(key)) and similar(g[key], p.get(key)) >= 0.6
        else:
            right += similar(g[key], p.get(key)) >= 0.8
    return right, total


def match_contacts(gold: list[dict], pred: list[dict]) -> tuple[int, int, int]:
    used: set[int] = set()
    matched = fields_right = fields_total = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and contact_key_match(g, p):
                used.add(i)
                matched += 1
                r, t = contact_fields(g, p)
                fields_right += r
                fields_total += t
                break
        else:
            fields_total += sum(1 for k in ("name", "organization", "phone", "email") if g.get(k))
    return matched, fields_right, fields_total


def score_one(gold: dict, pred: dict) -> dict:
    s: dict[str, float] = {}
    s["headline"] = 1.0 if similar(gold.get("headline"), pred.get("headline")) >= 0.95 else 0.0
    if gold.get("subheadline") or pred.get("subheadline"):
        s["subheadline"] = 1.0 if similar(gold.get("subheadline"), pred.get("subheadline")) >= 0.9 else 0.0
    gd, pd = gold.get("dateline") or {}, pred.get("dateline") or {}
    s["dateline_place"] = 1.0 if norm(gd.get("place")) == norm(pd.get("place")) else 0.0
    s["dateline_date"] = 1.0 if (gd.get("date") or None) == (pd.get("date") or None) else 0.0
    gq, pq = gold.get("quotes") or [], pred.get("quotes") or []
    m, sp = match_quotes(gq, pq)
    s["quotes_p"], s["quotes_r"], s["quotes_f1"] = f1(m, len(pq), len(gq))
    s["speakers"] = sp / len(gq) if gq else (1.0 if not pq else 0.0)
    gc, pc = gold.get("contacts") or [], pred.get("contacts") or []
    cm, fr, ft = match_contacts(gc, pc)
    s["contacts_p"], s["contacts_r"], s["contacts_f1"] = f1(cm, len(pc), len(gc))
    s["contact_fields"] = fr / ft if ft else (1.0 if not pc else 0.0)
    s["end_mark"] = 1.0 if norm(gold.get("end_mark")) == norm(pred.get("end_mark")) else 0.0
    return s


FIELDS = ["headline", "dateline_place", "dateline_date", "quotes_f1", "speakers",
          "contacts_f1", "contact_fields", "end_mark"]
