"""Recognition's cost against markdown-it-py's own parse of the same text, in one run.

Run on demand (not part of the test suite):

    python benchmarks/bench_recognition.py [--repeat 400] [--src DIR] [FILE ...]

For each file (default: the reference release and the corpus), times in this
process, interleaved round by round so that both see the same machine:
markdown-it-py's parse (``MarkdownIt("commonmark").parse``, the floor every
Markdown tool pays), pressconv's reader alone (``parse(recognize=False)``) and
the whole ``parse`` with every recogniser.  Prints medians and the ratio
recognition ÷ markdown-it.  ``--src`` runs another checkout's ``src`` (e.g. an
older commit from ``git worktree add``) so that two versions are compared on
the same machine in the same minutes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=400)
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.src.resolve()))
    import markdown_it

    import pressconv

    files = args.files or [ROOT / "fixtures" / "osce-unoct.md"]
    md = markdown_it.MarkdownIt("commonmark")
    print("pressconv from %s" % Path(pressconv.__file__).parent)
    print("%-40s %10s %10s %10s %8s" % ("file", "md-it ms", "reader ms", "parse ms", "ratio"))
    ratios = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        timings: dict[str, list[float]] = {"md": [], "reader": [], "parse": []}
        calls = {"md": lambda: md.parse(text),
                 "reader": lambda: pressconv.parse(text, recognize=False),
                 "parse": lambda: pressconv.parse(text)}
        for call in calls.values():
            for _ in range(20):
                call()
        for _ in range(args.repeat):
            for name, call in calls.items():
                start = time.perf_counter()
                call()
                timings[name].append(time.perf_counter() - start)
        medians = {name: statistics.median(values) * 1000 for name, values in timings.items()}
        ratio = medians["parse"] / medians["md"]
        ratios.append(ratio)
        print("%-40s %10.3f %10.3f %10.3f %7.1f×" % (path.name[:40], medians["md"], medians["reader"],
                                                    medians["parse"], ratio))
    if len(ratios) > 1:
        print("median ratio %.1f×" % statistics.median(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
