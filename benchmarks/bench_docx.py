"""How long the DOCX writer takes for the reference release, in one long-lived process.

    python benchmarks/bench_docx.py [RELEASE.md] [--runs N]

Prints the median and spread of Document -> .docx bytes after warm-up (the
target is 5 ms or less), the same with parsing included, and the one-off cost
of importing python-docx and preparing the built-in template.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RELEASE = ROOT / "fixtures" / "osce-unoct.md"


def _timed(function, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per run (CPU time is steadier on a busy machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def _line(label: str, timings: tuple[list[float], list[float]]) -> str:
    wall, cpu = sorted(timings[0]), sorted(timings[1])
    return "%-34s median %6.2f ms   p10 %6.2f   p90 %6.2f   CPU median %6.2f ms   (%d runs)" % (
        label, statistics.median(wall), wall[len(wall) // 10], wall[len(wall) * 9 // 10],
        statistics.median(cpu), len(wall))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", nargs="?", type=Path, default=DEFAULT_RELEASE)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args(argv)

    import pressconv
    from pressconv.resources import WriteContext

    start = time.perf_counter()
    from pressconv.writers.docx import DocxWriter, styles
    imported = time.perf_counter()
    styles.load(None)
    prepared = time.perf_counter()
    print("import writer (python-docx)         %6.1f ms" % ((imported - start) * 1000))
    print("prepare built-in template (once)    %6.1f ms" % ((prepared - imported) * 1000))

    text = args.release.read_text(encoding="utf-8")
    document = pressconv.parse(text)
    writer = DocxWriter()

    def write() -> bytes:
        return writer.write(document, WriteContext(base_dir=args.release.parent))

    def parse_and_write() -> bytes:
        return writer.write(pressconv.parse(text), WriteContext(base_dir=args.release.parent))

    size = len(write())
    for _ in range(30):  # warm-up
        write()
    print("release: %s (%d bytes) -> %d bytes of DOCX" % (args.release.name, len(text), size))
    print(_line("Document -> DOCX bytes", _timed(write, args.runs)))
    print(_line("Markdown -> DOCX bytes (parse too)", _timed(parse_and_write, args.runs // 3)))
    for rows in (1_000, 10_000):  # the body is spliced in as text, so time grows linearly
        table = "# T\n\n| a | b | c |\n|---|---|---|\n" + "| x | y | z |\n" * rows
        big = pressconv.parse(table)
        print(_line("%d-row table -> DOCX bytes" % rows,
                    _timed(lambda: writer.write(big, WriteContext()), 5)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
