"""Quote recognition on paragraphs of many quotation marks: time per item must stay flat.

Run on demand (not part of the test suite):

    python benchmarks/bench_quote_scaling.py [--sizes 1000,4000,16000,64000] [--to docx] [--src DIR]

Three inputs of one paragraph each, at growing N (issue #27's reproducers):

- ``marks``:    N straight quotation marks (``"" * N``);
- ``phrases``:  N quoted phrases (``"word 1" "word 2" …``);
- ``said``:     N attributed quotes (``He said "word 1 here now" and He said …``).

For each, the whole conversion (``pressconv.convert`` to ``--to``, in this
process) and markdown-it-py's commonmark parse of the same text, the floor any
Markdown tool pays, timed in the same minutes; prints seconds, microseconds per
item and the ratio to markdown-it as a Markdown table.  ``--src`` runs another
checkout's ``src`` (``git worktree add``) to compare versions on the same machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

INPUTS = {
    "marks": lambda n: '"' * n + "\n",
    "phrases": lambda n: " ".join('"word %d"' % i for i in range(n)) + "\n",
    "said": lambda n: " ".join('He said "word %d here now" and' % i for i in range(n)) + "\n",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,4000,16000,64000")
    parser.add_argument("--to", default="docx")
    parser.add_argument("--inputs", default=",".join(INPUTS))
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.src.resolve()))
    import markdown_it

    import pressconv

    md = markdown_it.MarkdownIt("commonmark")
    print("| input | N | pressconv → %s (s) | µs per item | markdown-it parse (s) | ratio |" % args.to)
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        warm = Path(folder) / "warm.md"  # imports and caches are paid before the first row
        warm.write_text(INPUTS["said"](50), encoding="utf-8")
        pressconv.convert(warm, Path(folder) / ("warm." + args.to), to=args.to)
        for name in args.inputs.split(","):
            for n in (int(size) for size in args.sizes.split(",")):
                text = INPUTS[name](n)
                source = Path(folder) / ("%s-%d.md" % (name, n))
                source.write_text(text, encoding="utf-8")
                started = time.perf_counter()
                md.parse(text)
                floor = time.perf_counter() - started
                started = time.perf_counter()
                pressconv.convert(source, Path(folder) / ("out." + args.to), to=args.to)
                spent = time.perf_counter() - started
                print("| %s | %d | %.2f | %.1f | %.2f | %.1f× |" % (
                    name, n, spent, spent / n * 1e6, floor, spent / floor if floor else float("nan")), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
