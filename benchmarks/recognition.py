"""Recognition scores on the annotated corpus: development and held-out releases side by side.

    python benchmarks/recognition.py                  # fixtures/corpus, the installed pressconv
    python benchmarks/recognition.py --verbose        # also the fields each release misses
    python benchmarks/recognition.py --only held-out  # one side

Each ``fixtures/corpus/NNN_slug.md`` is scored against its hand-written gold
``NNN_slug.json`` with the same rules as the project's external scorer
(headline, dateline place and date, quotes and speakers, contacts and their
fields, end mark, subheadline), by running ``pressconv inspect FILE --json`` in
this process.  Which releases are held out is fixed by ``corpus_split.py``; the
held-out score is the one to report.  Also prints the corpus counts the
recognition issue asks for (releases, organisations, languages, wire releases).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_split import is_held_out  # noqa: E402
from scoring import FIELDS, score_one  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"


def predict(path: Path) -> dict:
    import pressconv
    from pressconv.contract import inspect_dict

    return inspect_dict(pressconv.parse(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--only", choices=("dev", "held-out"))
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", type=Path, help="write per-release scores here")
    args = parser.parse_args(argv)

    sides: dict[str, dict[str, dict[str, float]]] = {"dev": {}, "held-out": {}}
    golds: dict[str, dict] = {}
    for gold_path in sorted(args.corpus.glob("[0-9]*.json")):
        source = gold_path.with_suffix(".md")
        if not source.exists():
            continue
        side = "held-out" if is_held_out(gold_path.name) else "dev"
        if args.only and side != args.only:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        golds[gold_path.stem] = gold
        try:
            pred = predict(source)
        except Exception as error:  # a crash scores zero and is shown
            print("%-44s FAILED %s: %s" % (gold_path.stem, type(error).__name__, error))
            sides[side][gold_path.stem] = {k: 0.0 for k in FIELDS}
            continue
        scores = score_one(gold, pred)
        sides[side][gold_path.stem] = scores
        weak = [k for k in FIELDS if scores.get(k, 1.0) < 1.0]
        if args.verbose and weak:
            print("%-44s %s  weak: %s" % (gold_path.stem, side, ", ".join(weak)))
            for key in ("headline", "subheadline", "dateline", "quotes", "contacts", "end_mark"):
                if json.dumps(gold.get(key), sort_keys=True) != json.dumps(pred.get(key), sort_keys=True):
                    print("    %s\n      gold: %s\n      got:  %s" % (
                        key, json.dumps(gold.get(key), ensure_ascii=False)[:600],
                        json.dumps(pred.get(key), ensure_ascii=False)[:600]))

    def means(rows: dict[str, dict[str, float]]) -> dict[str, float]:
        out = {}
        for key in FIELDS + ["subheadline"]:
            values = [row[key] for row in rows.values() if key in row]
            if values:
                out[key] = sum(values) / len(values)
        out["overall"] = sum(out[k] for k in FIELDS) / len(FIELDS) if rows else 0.0
        return out

    table = {side: means(rows) for side, rows in sides.items() if rows}
    print()
    print("%-16s" % "field" + "".join("%12s" % side for side in table))
    for key in FIELDS + ["subheadline", "overall"]:
        print("%-16s" % key + "".join("%12s" % ("%.3f" % table[s][key] if key in table[s] else "-")
                                       for s in table))
    print("%-16s" % "releases" + "".join("%12d" % len(sides[s]) for s in table))

    organisations = {g.get("organization", "").strip().lower() for g in golds.values()}
    languages = Counter(g.get("language") for g in golds.values())
    wire = sum(1 for g in golds.values() if g.get("wire"))
    print("\ncorpus: %d releases, %d organisations, %d languages (%s), %d distributed by wire services"
          % (len(golds), len(organisations), len(languages),
             " ".join("%s %d" % item for item in languages.most_common()), wire))
    if args.json:
        args.json.write_text(json.dumps({"scores": sides, "means": table}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
