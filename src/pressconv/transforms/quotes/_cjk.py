"""Speakers in Chinese and Japanese, where no capital letter or space tells a name.

The name is found by its place instead: in Chinese just before a verb of saying
("艾克米公司首席执行官张伟表示：“…”", "“…”张伟说。"), in Japanese before は/が
with the verb after the quote ("山田太郎氏は「…」と述べた"), or in brackets after
the quote ("「…」（アクメ社 代表取締役 山田太郎）").  What stands before the name
(a company, a title) is its role.  Where the name meets its title without a
separator, a title from the lexicon or a common Chinese surname marks the cut.
"""

from __future__ import annotations

import re

from ... import lexicon
from ..._regex_cache import cached_compile
from . import _words as lex
from ._speakers import Attribution

_VERBS = "|".join(sorted(lexicon.words("speech", "verbs_after_name"), key=lambda w: (-len(w), w))) or "(?!)"
# most common first: where two could start the name ("公司张伟"), the commoner wins
_SURNAME_RANK = {name: rank for rank, name in enumerate(
    name for names in lexicon.by_language("names", "surnames").values() for name in names)}
_HONORIFICS = tuple(sorted(set(lex.NAME_SUFFIXES) | {"先生", "女士", "小姐"}, key=lambda w: (-len(w), w)))
_TITLES = tuple(sorted(set(lex.TITLES_AFTER) | {
    "首席执行官", "首席執行官", "执行官", "總經理", "总经理", "副总裁", "副總裁", "董事长", "董事長", "总监", "總監",
    "主任", "院长", "院長", "校长", "校長", "秘书长", "秘書長", "创始人", "創始人", "负责人", "負責人",
    "代表取締役社長", "代表取締役", "取締役", "執行役員", "社長", "会長", "理事長", "代表理事", "CEO", "CTO", "COO"},
    key=lambda w: (-len(w), w)))

_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u3005\uff21-\uff3a\uff41-\uff5a"
_KANA = re.compile(r"[\u3040-\u30ff]")
_NAME = re.compile(r"[%s]{1,6}$" % _CJK)
# the words between a clause's start and the verb: no sentence end, no quotation mark
_WHO = r"(?P<who>[^。！？!?；;，,：:“”「」『』\n]{1,40}?)"
_SAID_BEFORE = cached_compile(
    _WHO + r"(?:在[^。，,“”「」]{0,20}?(?:时|時))?(?:%s)(?:道|说|說)?(?:称|稱)?\s*[：:，,]?\s*$" % _VERBS)
_SAID_AFTER = cached_compile(r"\s*[，,]?\s*" + _WHO + r"(?:%s)" % _VERBS)
# Japanese: the verb after the quote (「…」と述べた), the speaker before it (山田太郎氏は)
_TO_SAID = cached_compile(r"\s*と[、，]?(?:[^。「」]{0,16}?)(?:%s)" % _VERBS)
_TOPIC = cached_compile(_WHO + r"(?:は|が)[、，]?(?:[^。「」]{0,12})$")
# Japanese intro: "山田太郎氏は次のように述べています。「…」"
_INTRO = cached_compile(_WHO + r"(?:は|が)[、，]?(?:次|以下)のように(?:%s)[^。「」]{0,12}[。：:]?\s*$" % _VERBS)
_BRACKETED = cached_compile(r"\s*[（(](?P<who>[^（）()\n]{2,60})[）)]")


def attribution(before: str, after: str) -> tuple[Attribution | None, bool]:
    """The speaker of a quote between ``before`` and ``after`` (the same sentence's text on each
    side), and whether the attribution stands after the quote."""
    japanese = bool(_KANA.search(before) or _KANA.search(after))
    found = _BRACKETED.match(after)
    if found:
        who = split_who(found.group("who"), japanese)
        if who is not None:
            return who, True
    if _TO_SAID.match(after):
        topic = _TOPIC.search(before)
        who = split_who(topic.group("who"), japanese) if topic else None
        return (who or Attribution(None, pronoun=True)), True
    found = _SAID_AFTER.match(after)
    if found:
        who = split_who(found.group("who"), japanese)
        if who is not None:
            return who, True
    found = _SAID_BEFORE.search(before) or _INTRO.search(before)
    if found:
        who = split_who(found.group("who"), japanese)
        if who is not None:
            return who, False
    return None, False


def split_who(text: str, japanese: bool = False) -> Attribution | None:
    """The name at the end of a phrase and the role before it: "艾克米公司首席执行官张伟" →
    张伟 (艾克米公司首席执行官); "アクメ社代表取締役の山田太郎氏" → 山田太郎."""
    text = text.strip(" \u3000、，,")
    for honorific in _HONORIFICS:
        if text.endswith(honorific) and len(text) > len(honorific):
            text = text[:-len(honorific)].rstrip(" \u3000")
            break
    if not text:
        return None
    if re.search(r"[A-Za-z]{2}", text) and not re.search(r"[%s]" % _CJK, text):
        return None  # Latin names are the other recognisers' work
    parts = re.split(r"[\s\u3000・/／]+", text)
    if len(parts) > 1 and _NAME.fullmatch(parts[-1]) and len(parts[-1]) >= 2:
        return _attribution(parts[-1], " ".join(parts[:-1]))
    for joint in ("的", "の"):
        if joint in text:
            head, _, tail = text.rpartition(joint)
            if 2 <= len(tail) <= 5 and _NAME.fullmatch(tail):
                return _attribution(tail, head)
    for title in _TITLES:
        at = text.rfind(title)
        if at < 0:
            continue
        tail = text[at + len(title):]
        if 2 <= len(tail) <= 4 and _NAME.fullmatch(tail):
            return _attribution(tail, text[:at + len(title)])  # "首席执行官张伟"
        if not tail and at >= 2:
            return _attribution_role(text)  # a role alone ("公司总裁"): speech, nobody named
    if japanese:  # Japanese names do not start with a Chinese surname: a short phrase is the name
        return _attribution(text, "") if 2 <= len(text) <= 6 and _NAME.fullmatch(text) else None
    name = _by_surname(text)
    if name:
        return _attribution(name, text[:-len(name)])
    if 2 <= len(text) <= 4 and _NAME.fullmatch(text):
        return _attribution(text, "")
    return None


def _by_surname(text: str) -> str | None:
    """The last two to four characters when a common Chinese surname starts them."""
    found: list[tuple[int, int, int, str]] = []
    for size in (3, 2, 4):
        tail = text[-size:]
        if len(text) < size or not _NAME.fullmatch(tail):
            continue
        for surname in (tail[:2], tail[:1]) if size >= 3 else (tail[:1],):
            if surname in _SURNAME_RANK and (size - len(surname)) in (1, 2):
                # a two-character surname (欧阳) is never a coincidence: it goes first
                found.append((-len(surname), _SURNAME_RANK[surname], -size, tail))
                break
    return min(found)[-1] if found else None


def _attribution(name: str, role: str) -> Attribution:
    role = role.strip(" \u3000、，,の的")
    return Attribution(name, role or None)


def _attribution_role(role: str) -> Attribution:
    return Attribution(None, role.strip(" \u3000、，,の的") or None)
