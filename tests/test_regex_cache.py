"""The compiled-pattern cache: same patterns as re.compile, shared between processes, harmless when damaged."""

import marshal
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import pressconv
from pressconv import _regex_cache as cache
from pressconv._cachefiles import read_cache_file, write_cache_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "osce-unoct.md"
CORPUS = sorted((FIXTURES / "corpus").glob("*.md"))

pytestmark = pytest.mark.skipif(not cache._INTERNALS, reason="this interpreter has no CPython re internals: "
                                "patterns are compiled as usual and there is nothing to cache")


def _file(payload: bytes) -> bytes:
    """A whole cache file around ``payload``, as the cache writes it."""
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / "file"
        assert write_cache_file(str(scratch), cache._MAGIC, payload)
        return scratch.read_bytes()


def _stored(path: Path) -> tuple:
    return marshal.loads(read_cache_file(str(path), cache._MAGIC))


def _run(code: str, cache_dir: Path, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "PRESSCONV_NO_CACHE"}
    environment.update(PRESSCONV_CACHE_DIR=str(cache_dir), **env)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


PARSE_SEED = ("import json, pressconv, pressconv._regex_cache as rc; d = pressconv.parse(%r); "
              "print(json.dumps([rc.stats, d.headline is not None, len(d.quotes), len(d.contacts)]))" % str(SEED))


def test_a_second_process_compiles_nothing_the_first_compiled(tmp_path):
    import json

    first = json.loads(_run(PARSE_SEED, tmp_path))
    files = list(tmp_path.glob("patterns-*.marshal"))
    assert len(files) == 1
    second = json.loads(_run(PARSE_SEED, tmp_path))
    assert first[0]["compiled"] > 50 and first[0]["noted"] > 50 and first[0]["hits"] == 0
    assert second[0]["compiled"] == second[0]["noted"] == 0
    assert second[0]["hits"] == first[0]["compiled"] + first[0]["noted"]
    assert first[1:] == second[1:] == [True, 3, 2]


def test_cached_patterns_are_the_patterns_re_compiles():
    for path in [SEED] + CORPUS:  # fills the cache of this test run with what recognition uses
        pressconv.parse(path)
    entries = cache._load()
    assert entries is not None and len(entries) > 60
    texts = [path.read_text(encoding="utf-8") for path in [SEED] + CORPUS[:8]]
    for (pattern, flags), entry in entries.items():
        ours, reference = cache._build(pattern, entry), re.compile(pattern, flags)
        assert (ours.pattern, ours.flags, ours.groups, ours.groupindex) == \
               (reference.pattern, reference.flags, reference.groups, reference.groupindex)
        for text in texts:
            sample = text if isinstance(pattern, str) else text.encode("utf-8")
            assert [m.span() for m in ours.finditer(sample)] == [m.span() for m in reference.finditer(sample)]


def test_the_file_survives_a_reload_and_builds_the_same_code(tmp_path):
    _run(PARSE_SEED, tmp_path)
    stored, groups = _stored(next(tmp_path.glob("patterns-*.marshal")))
    assert all(isinstance(key, tuple) and len(key) == 2 for key in stored)
    assert sorted(name.split()[0] for name in groups) == ["markdown_it", "mdit_py_plugins", "phonenumbers"]
    assert all(key in stored for keys in groups.values() for key in keys)
    for (pattern, flags), entry in list(stored.items())[:40]:
        assert entry == cache._compile(pattern, flags)


@pytest.mark.parametrize("damage", [
    b"", b"not marshal at all \x00\xff", _file(b"not marshal"), _file(marshal.dumps([1, 2, 3])),
    _file(marshal.dumps({("x", 0): "nonsense"})), _file(marshal.dumps(({("x", 0): "nonsense"}, {"markdown_it": 5}))),
    _file(marshal.dumps(({("x", 0): "nonsense"}, {"markdown_it": [("x", 0), ("y", 0)]}))),
    "groups of another library version",
    "flipped",  # a real file with one byte changed: the checksum refuses it
    "invalid code",  # a well-formed file whose entries hold code _sre refuses
])
def test_a_damaged_file_is_ignored_and_replaced(tmp_path, damage):
    import json

    expected = json.loads(_run(PARSE_SEED, tmp_path / "clean"))[1:]
    target = Path(cache.cache_file().replace(os.environ["PRESSCONV_CACHE_DIR"], str(tmp_path)))
    if damage == "flipped":
        _run(PARSE_SEED, tmp_path)
        raw = bytearray(target.read_bytes())
        raw[len(raw) // 2] ^= 0x01
        damage = bytes(raw)
    elif damage == "groups of another library version":
        _run(PARSE_SEED, tmp_path)
        stored, groups = _stored(target)
        groups = {name.replace(" ", " /elsewhere/", 1): keys[:3] for name, keys in groups.items()}
        damage = _file(marshal.dumps((stored, groups)))
    elif damage == "invalid code":
        _run(PARSE_SEED, tmp_path)
        stored, groups = _stored(target)
        for key, entry in stored.items():
            stored[key] = (entry[0], b"\xe7\x03\x00\x00" * 5, *entry[2:])  # opcode 999: no such thing
        damage = _file(marshal.dumps((stored, groups)))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(damage)
    result = json.loads(_run(PARSE_SEED, tmp_path))
    assert result[1:] == expected
    again = json.loads(_run(PARSE_SEED, tmp_path))
    assert again[0]["compiled"] == 0 and again[1:] == expected  # the damaged file was rewritten


def test_switched_off_nothing_is_written(tmp_path):
    import json

    stats = json.loads(_run(PARSE_SEED, tmp_path, PRESSCONV_NO_CACHE="1"))[0]
    assert stats == {"hits": 0, "compiled": 0, "noted": 0}
    assert not list(tmp_path.iterdir())


def test_an_unwritable_folder_costs_nothing_but_time(tmp_path):
    import json

    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    result = json.loads(_run(PARSE_SEED, blocker / "cache"))
    assert result[1:] == [True, 3, 2]
    assert blocker.read_text() == "a file where the cache folder would go"


def test_an_overgrown_file_is_started_afresh(tmp_path):
    import json

    target = Path(cache.cache_file().replace(os.environ["PRESSCONV_CACHE_DIR"], str(tmp_path)))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_file(marshal.dumps(({("x%d" % i, 0): (0, b"", 0, {}, ())
                                             for i in range(cache.MAX_ENTRIES + 1)}, {}))))
    json.loads(_run(PARSE_SEED, tmp_path))
    assert len(_stored(target)[0]) < 500


def test_patterns_built_from_sets_are_the_same_text_in_every_process(tmp_path):
    # a pattern joined from a set in hash order would be a new entry in each process
    # and grow the file without end
    code = PARSE_SEED
    _run(code, tmp_path, PYTHONHASHSEED="1")
    size = len(_stored(next(tmp_path.glob("patterns-*.marshal")))[0])
    for seed in ("2", "3"):
        _run(code, tmp_path, PYTHONHASHSEED=seed)
    assert len(_stored(next(tmp_path.glob("patterns-*.marshal")))[0]) == size


LIBRARY_PATTERNS = ("import json, re, pressconv, pressconv._regex_cache as rc; d = pressconv.parse(%r); "
                    "import sys; a = sys.modules['markdown_it.rules_inline.autolink']; "
                    "print(json.dumps([rc.stats, a.AUTOLINK_RE.pattern, d.contacts[0].phone]))" % str(SEED))


def test_the_patterns_a_library_compiles_on_import_are_ready_the_next_time(tmp_path):
    import json

    first = json.loads(_run(LIBRARY_PATTERNS, tmp_path))
    second = json.loads(_run(LIBRARY_PATTERNS, tmp_path))
    _, groups = _stored(next(tmp_path.glob("patterns-*.marshal")))
    library = sum(len(keys) for keys in groups.values())
    sizes = {name.split()[0]: len(keys) for name, keys in groups.items()}
    assert sizes["markdown_it"] > 20 and sizes["phonenumbers"] > 20
    assert first[0]["noted"] == library
    assert second[0]["hits"] == first[0]["compiled"] + library and second[0]["compiled"] == 0
    assert first[1:] == second[1:] and second[2] == "+ 43 676 71 74 592"


def test_only_the_import_is_watched(tmp_path):
    # what the library compiles later, from its input, is not kept
    _run(PARSE_SEED, tmp_path)
    _, groups = _stored(next(tmp_path.glob("patterns-*.marshal")))
    assert not any("Greminger" in str(pattern) or "osce" in str(pattern).lower()
                   for keys in groups.values() for pattern, _ in keys)


def test_a_library_already_imported_is_left_alone(monkeypatch):
    import markdown_it  # noqa: F401 - imported: nothing to prepare, nothing to note

    before = dict(cache._added_groups)
    with cache.keep_patterns_of("markdown_it"):
        re.compile("a pattern compiled meanwhile (x+)")
    assert cache._added_groups == before
