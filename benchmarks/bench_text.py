"""In-process time of the plain-text family of writers on the reference release.

Run on demand (not part of the test suite):

    python benchmarks/bench_text.py [--repeat 2000] [FILE]

The release is parsed once; each writer then writes it ``--repeat`` times after
a warm-up, and the median, the 10th and the 90th percentile per call are
printed in microseconds.  The target is text ≤ 1 ms per call.  A second table
times the CLI's one-shot ``convert … -o out.txt`` against ``python -c pass``
and checks that neither python-docx nor reportlab was imported.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("text", "brief", "wire", "markdown", "json")


def per_call(function, repeat: int) -> list[float]:
    for _ in range(max(50, repeat // 10)):
        function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def process_time(argv: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "fixtures" / "osce-unoct.md")
    parser.add_argument("--repeat", type=int, default=2000)
    args = parser.parse_args()

    import pressconv
    from pressconv.resources import WriteContext
    from pressconv.writers import get_writer

    document = pressconv.parse(args.file)
    print("file: %s (%d bytes), Python %s" % (args.file.name, args.file.stat().st_size,
                                              sys.version.split()[0]))
    print("%-9s %9s %9s %9s" % ("format", "p10 µs", "median µs", "p90 µs"))
    for fmt in FORMATS:
        writer = get_writer(fmt)
        times = sorted(per_call(lambda: writer.write(document, WriteContext()), args.repeat))
        p10, p90 = times[len(times) // 10], times[len(times) * 9 // 10]
        print("%-9s %9.0f %9.0f %9.0f" % (fmt, p10 * 1e6, statistics.median(times) * 1e6, p90 * 1e6))

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.txt"
        check = ("import sys; from pressconv.cli import main; main(['convert', sys.argv[1], '-o', "
                 "sys.argv[2], '--overwrite']); heavy = [m for m in sys.modules if m.split('.')[0] "
                 "in ('docx', 'reportlab')]; sys.exit(1 if heavy else 0)")
        heavy = subprocess.run([sys.executable, "-c", check, str(args.file), str(out)]).returncode
        bare = process_time([sys.executable, "-c", "pass"])
        mdit = process_time([sys.executable, "-c", "import markdown_it"])
        cli = process_time([sys.executable, "-m", "pressconv", "convert", str(args.file), "-o",
                            str(out), "--overwrite"])
    print("\nprocess                         median ms")
    print("python -c pass                  %9.1f" % (bare * 1e3))
    print("python -c 'import markdown_it'  %9.1f" % (mdit * 1e3))
    print("pressconv convert -o out.txt    %9.1f  (%.2f x import markdown_it)" % (cli * 1e3, cli / mdit))
    print("python-docx/reportlab imported by the text conversion: %s" % ("YES" if heavy else "no"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
