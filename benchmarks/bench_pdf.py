"""Benchmark of the PDF writer: the reference release and hostile sizes.

    python benchmarks/bench_pdf.py            # seed + hostile sizes
    python benchmarks/bench_pdf.py --quick    # seed only

Prints the median time per document after warm-up (fonts registered, imports done).
The seed is parsed with pressconv.parse() when that works, else built by hand to match.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from pressconv.model import (
    Contact, Dateline, Document, Link, Paragraph, Table, TableCell, Text,
)
from pressconv.resources import WriteContext
from pressconv.writers.pdf import PdfWriter

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "osce-unoct.md"
SHARED_SEED = ROOT.parent / "shared" / "seed" / "osce-unoct.md"


def seed_document() -> tuple[Document, str]:
    """The reference release as a Document, and where it came from."""
    for path in (SEED, SHARED_SEED):
        if path.exists():
            try:
                from pressconv import parse

                return parse(path), "parsed %s" % path.name
            except Exception as error:  # the parser is still young: fall back to the hand copy
                reason = "%s: %s" % (type(error).__name__, error)
                break
    else:
        reason = "seed file not found"
    return hand_seed(), "hand-built copy (%s)" % reason[:80]


def hand_seed() -> Document:
    """The OSCE/UNOCT release as the transforms should recognise it."""
    text = SHARED_SEED.read_text(encoding="utf-8") if SHARED_SEED.exists() else ""
    paragraphs = [p.strip().replace("\n", " ") for p in text.split("\n\n") if p.strip()]
    body = [p for p in paragraphs if not p.startswith("#") and not p.startswith("\\*")
            and "@" not in p]
    lead = body[0].split("** \u2013 ", 1)[-1] if body else "Lead."
    blocks = [Paragraph((Text(lead),))] + [Paragraph((Text(p),)) for p in body[1:]]
    return Document(
        body=tuple(blocks or [Paragraph((Text("Body"),))]),
        headline="OSCE and UN Counter-Terrorism Office to work together in strengthening "
                 "international efforts to prevent and counter terrorism",
        dateline=Dateline("Vienna, 4 October 2018", "Vienna", "2018-10-04", lead=0),
        contacts=(
            Contact(organization="Communication and Media Relations Section, OSCE Secretariat",
                    phone="+ 43 676 71 74 592", email="press@osce.org",
                    phone_e164="+436767174592"),
            Contact(name="Laurence Gerard",
                    organization="United Nations Office of Counter-Terrorism, New York",
                    email="gerardl@un.org"),
        ),
        contacts_heading="For more information, please contact:",
        end_mark="*****",
        language="en",
    )


def median_ms(document: Document, runs: int,
              **options: object) -> tuple[float, float, float, int]:
    """Median wall-clock, median CPU and fastest wall-clock milliseconds, and the size."""
    writer = PdfWriter()
    writer.write(document, WriteContext(deterministic=True, options=dict(options)))
    wall, cpu = [], []
    size = 0
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        size = len(writer.write(document, WriteContext(deterministic=True,
                                                       options=dict(options))))
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return (statistics.median(wall) * 1000, statistics.median(cpu) * 1000, min(wall) * 1000,
            size)


def once_s(document: Document) -> tuple[float, int, str]:
    start = time.perf_counter()
    context = WriteContext(deterministic=True)
    try:
        size = len(PdfWriter().write(document, context))
        outcome = "PDF"
    except Exception as error:
        size, outcome = 0, "%s: %s" % (type(error).__name__, str(error)[:80])
    return time.perf_counter() - start, size, outcome


def hostile() -> dict[str, Document]:
    cell = lambda s: TableCell((Text(s),))  # noqa: E731
    url = "https://example.org/" + "a" * 2000
    words = " ".join("word%d." % i if i % 17 == 0 else "word%d" % i for i in range(110_000))
    return {
        "2,000-char URL": Document(body=(Paragraph((Link((Text(url),), url),)),)),
        "1 MB paragraph (%d chars)" % len(words): Document(body=(Paragraph((Text(words),)),)),
        "60 columns x 200 rows": Document(body=(Table(
            tuple(cell("Head %d" % c) for c in range(60)),
            tuple(tuple(cell("r%dc%d" % (r, c)) for c in range(60)) for r in range(200))),)),
        "100,000 rows x 2 columns": Document(body=(Table(
            (cell("Name"), cell("Value")),
            tuple((cell("row %d" % r), cell("value %d with some text" % r))
                  for r in range(100_000))),)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="seed only")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    from importlib.util import find_spec

    accel = ("with rl_accel" if find_spec("_rl_accel") is not None
             else "without rl_accel (pure-Python ReportLab helpers)")
    document, origin = seed_document()
    print("python %s, %s, load average %s" % (sys.version.split()[0], accel,
                                              " ".join("%.1f" % x for x in os.getloadavg())))
    print("seed: %s" % origin)
    for size in ("A4", "Letter"):
        wall, cpu, best, size_bytes = median_ms(document, args.runs, page_size=size)
        print("seed -> PDF (%s): median %.2f ms wall, %.2f ms CPU, fastest %.2f ms, over %d "
              "runs; %d bytes" % (size, wall, cpu, best, args.runs, size_bytes))
    if not args.quick:
        for name, doc in hostile().items():
            seconds, size_bytes, outcome = once_s(doc)
            print("%-32s %7.2f s  %9d bytes  %s" % (name, seconds, size_bytes, outcome))
    return 0


if __name__ == "__main__":
    sys.exit(main())
