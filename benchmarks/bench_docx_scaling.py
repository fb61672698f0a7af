"""The DOCX writer on releases of many lists and many links: time per item must stay flat.

Run on demand (not part of the test suite):

    python benchmarks/bench_docx_scaling.py [--sizes 1000,4000,16000,64000] [--inputs lists,links]
                                            [--no-command] [--src DIR]

Two inputs at growing N (the reproducers of the DOCX numbering and relationship issues):

- ``lists``: N one-item bullet lists, each closed by a paragraph
  (``- item i`` / ``para i``), so N list instances (``w:num``) in numbering.xml;
- ``links``: N paragraphs of one link each to N distinct addresses, so N
  hyperlink relationships in document.xml.rels.

For each, the document is parsed once, then ``DocxWriter.write`` is timed in
this process (best of ``--repeat``), and, unless ``--no-command``, the whole
command ``pressconv convert FILE -t docx -o OUT`` in a fresh process.  Prints
a Markdown table: seconds, microseconds per item, and the per-item time of
each N relative to the smallest.  ``--src`` runs another checkout's ``src``
(``git archive``, ``git worktree add``) to compare versions on one machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

INPUTS = {
    "lists": lambda n: "".join("- item %d\n\npara %d\n\n" % (i, i) for i in range(n)),
    "links": lambda n: "".join("[link %d](https://example.com/page/%d)\n\n" % (i, i)
                               for i in range(n)),
}


def _command(source: Path, target: Path, src: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(src) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pressconv", "convert", str(source), "-t", "docx",
                    "-o", str(target), "--overwrite", "-q"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,4000,16000,64000")
    parser.add_argument("--inputs", default=",".join(INPUTS))
    parser.add_argument("--repeat", type=int, default=3, help="in-process writes per size; best kept")
    parser.add_argument("--no-command", dest="command", action="store_false",
                        help="skip timing the whole command in a fresh process")
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    args = parser.parse_args(argv)
    src = args.src.resolve()
    sys.path.insert(0, str(src))

    import pressconv
    from pressconv.resources import WriteContext
    from pressconv.writers.docx import DocxWriter

    def write(document) -> float:
        started = time.perf_counter()
        DocxWriter().write(document, WriteContext(deterministic=True))
        return time.perf_counter() - started

    write(pressconv.parse(INPUTS["lists"](20) + INPUTS["links"](20)))  # imports, template
    print("| input | N | DOCX write in process (s) | µs per item | per item vs smallest N "
          "| whole command (s) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for name in args.inputs.split(","):
            first = None
            for n in (int(size) for size in args.sizes.split(",")):
                source = Path(folder) / ("%s-%d.md" % (name, n))
                source.write_text(INPUTS[name](n), encoding="utf-8")
                document = pressconv.parse(source)
                spent = min(write(document) for _ in range(max(args.repeat, 1)))
                per_item = spent / n * 1e6
                first = first or per_item
                whole = ("%.2f" % _command(source, Path(folder) / "out.docx", src)
                         if args.command else "–")
                print("| %s | %d | %.3f | %.1f | %.2f× | %s |"
                      % (name, n, spent, per_item, per_item / first, whole), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
