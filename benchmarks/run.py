"""pressconv against pandoc, side by side in one run; writes benchmarks/RESULTS.md.

Run on demand (not part of the test suite):

    python benchmarks/run.py            # everything (several minutes)
    python benchmarks/run.py --quick    # fewer repetitions and a smaller batch

pandoc comes from Debian's package or PyPI's pypandoc-binary; where it is
absent its columns say so.  Medians throughout; the machine is noisy, so
ratios are measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "osce-unoct.md"
CORPUS = sorted((ROOT / "fixtures" / "corpus").glob("[0-9]*.md"))
# the program pip installed beside this interpreter (what a user types), not a version
# manager's shim (which adds ~60 ms to every start); else the module
_SCRIPT = Path(sys.executable).with_name("pressconv")
PRESSCONV = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "pressconv"]
# as a user's shell has it: compiled modules are written once and reused (this machine's
# PYTHONDONTWRITEBYTECODE=1 would make every process recompile the sources it imports)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
FORMATS = ("docx", "pdf", "txt")
WRITER = {"docx": "docx", "pdf": "pdf", "txt": "text"}


def median_ms(func, repeat: int, warmup: int = 3) -> float:
    for _ in range(warmup):
        func()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def run_ms(command: list[str], repeat: int, cwd: Path | None = None) -> float:
    """Median wall time of a whole process."""
    return runs_ms({"": command}, repeat, cwd)[""]


def runs_ms(commands: dict[str, list[str] | tuple[list[str], dict[str, str]]], repeat: int,
            cwd: Path | None = None, warmup: int = 2) -> dict[str, float]:
    """Median wall time of each command; the commands take turns, so that a slower
    spell of the machine falls on all of them alike."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for turn in range(warmup + repeat):
        for name, command in commands.items():
            argv, extra = command if isinstance(command, tuple) else (command, {})
            start = time.perf_counter()
            subprocess.run(argv, check=True, cwd=cwd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env={**ENV, **extra})
            if turn >= warmup:
                samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) * 1000 for name, times in samples.items()}


def pandoc_command() -> list[str] | None:
    found = shutil.which("pandoc")
    if found:
        return [found]
    try:
        import pypandoc

        return [pypandoc.get_pandoc_path()]
    except Exception:
        return None


def pandoc_pdf_engine() -> str | None:
    for engine in ("typst", "wkhtmltopdf", "weasyprint", "pdflatex"):
        if shutil.which(engine):
            return engine
    return None


def pandoc_version(pandoc: list[str]) -> str:
    return subprocess.run(pandoc + ["--version"], capture_output=True, text=True).stdout.split("\n")[0]


def pandoc_args(fmt: str, target: str, engine: str | None) -> list[str]:
    if fmt == "txt":
        return ["-t", "plain", "-o", target]
    if fmt == "pdf":
        return ["--pdf-engine=" + engine, "-o", target] if engine else []
    return ["-o", target]


class Report:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)


def in_process(report: Report, repeat: int) -> dict[str, float]:
    import pressconv

    figures = {}
    report.add("## In process, per document (median after warm-up)")
    report.add("")
    report.add("| input | docx ms | pdf ms | txt ms |")
    report.add("| --- | --- | --- | --- |")
    for path in [SEED] + CORPUS:
        document = pressconv.parse(path)
        row = []
        for fmt in FORMATS:
            ms = median_ms(lambda: pressconv.write(document, WRITER[fmt]), repeat)
            row.append(ms)
            if path == SEED:
                figures[fmt] = ms
        parse_ms = median_ms(lambda: pressconv.parse(path), repeat) if path == SEED else None
        if parse_ms is not None:
            figures["parse"] = parse_ms
        report.add("| %s | %.2f | %.2f | %.3f |" % (path.name, *row))
    report.add("")
    report.add("Seed: parse + recognise %.2f ms; write docx %.2f ms, pdf %.2f ms, text %.3f ms."
               % (figures["parse"], figures["docx"], figures["pdf"], figures["txt"]))
    report.add("")
    return figures


def per_process(report: Report, pandoc: list[str] | None, engine: str | None, repeat: int,
                work: Path) -> dict[str, tuple[float, float | None]]:
    report.add("## Whole process per document (seed)")
    report.add("")
    report.add("| format | pressconv ms | pandoc ms | ratio |")
    report.add("| --- | --- | --- | --- |")
    figures = {}
    for fmt in FORMATS:
        ours = run_ms(PRESSCONV + ["convert", str(SEED), "-o", str(work / ("p." + fmt)),
                       "--overwrite"], repeat)
        theirs = None
        if pandoc and (fmt != "pdf" or engine):
            theirs = run_ms(pandoc + [str(SEED)] + pandoc_args(fmt, str(work / ("d." + fmt)), engine),
                            repeat)
        figures[fmt] = (ours, theirs)
        report.add("| %s | %.0f | %s | %s |" % (
            fmt, ours, "%.0f" % theirs if theirs else "n/a (no pdf engine)" if fmt == "pdf" else "n/a",
            "%.1f×" % (theirs / ours) if theirs else "–"))
    report.add("")
    return figures


def cold_start(report: Report, repeat: int, work: Path) -> dict[str, float]:
    convert = PRESSCONV + ["convert", str(SEED), "-o", str(work / "x.txt"), "--overwrite"]
    cache = work / "pattern-cache"
    figures = runs_ms({
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import markdown_it'": [sys.executable, "-c", "import markdown_it"],
        "pressconv convert seed.md -o x.txt": (convert, {"PRESSCONV_CACHE_DIR": str(cache)}),
        "the same, pattern cache off (PRESSCONV_NO_CACHE=1)": (convert, {"PRESSCONV_NO_CACHE": "1"}),
    }, repeat)
    report.add("## Cold start")
    report.add("")
    report.add("`%s` is the program pip installed; each command in turn, %d rounds after 2 of "
               "warm-up. The pattern cache (compiled regular expressions kept between processes, "
               "like .pyc files) is filled by the warm-up, as by a user's first conversion."
               % (" ".join([Path(PRESSCONV[0]).name] + PRESSCONV[1:]), repeat))
    report.add("")
    report.add("| command | ms |")
    report.add("| --- | --- |")
    for name, ms in figures.items():
        report.add("| `%s` | %.0f |" % (name, ms))
    base = figures["python -c 'import markdown_it'"]
    ratio = figures["pressconv convert seed.md -o x.txt"] / base
    report.add("")
    report.add("convert-to-text / import markdown_it = %.2f (target ≤ 1.6); with the cache off %.2f"
               % (ratio, figures["the same, pattern cache off (PRESSCONV_NO_CACHE=1)"] / base))
    report.add("")
    figures["ratio"] = ratio
    return figures


def batch(report: Report, pandoc: list[str] | None, engine: str | None, count: int,
          work: Path) -> dict[str, float]:
    inputs = work / "batch"
    inputs.mkdir()
    sources = [SEED] + CORPUS
    for i in range(count):
        shutil.copy(sources[i % len(sources)], inputs / ("r%03d.md" % i))
    figures = {}
    for jobs in (1, 2):
        out = work / ("out-j%d" % jobs)
        start = time.perf_counter()
        subprocess.run(PRESSCONV + ["convert", str(inputs), "-t", "docx,pdf,txt", "--out-dir",
                        str(out), "-j", str(jobs), "-q", "--overwrite"], check=False, env=ENV)
        figures["pressconv -j%d" % jobs] = time.perf_counter() - start
    if pandoc:
        formats = [f for f in FORMATS if f != "pdf" or engine]
        out = work / "pandoc-loop"
        out.mkdir()
        start = time.perf_counter()
        for path in sorted(inputs.iterdir()):
            for fmt in formats:
                subprocess.run(pandoc + [str(path)] + pandoc_args(fmt, str(out / (path.stem + "." + fmt)),
                                                                 engine),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        figures["pandoc loop"] = time.perf_counter() - start
        out = work / "pandoc-xargs"
        out.mkdir()
        script = " ; ".join(
            "%s \"$0\" %s" % (" ".join(pandoc), " ".join(
                pandoc_args(fmt, "%s/$(basename \"$0\" .md).%s" % (out, fmt), engine)))
            for fmt in formats)
        start = time.perf_counter()
        subprocess.run("ls %s/*.md | xargs -P2 -n1 sh -c '%s' 2>/dev/null" % (inputs, script),
                       shell=True)
        figures["pandoc xargs -P2"] = time.perf_counter() - start
        figures["pandoc formats"] = len(formats)
    report.add("## Batch of %d releases to docx, pdf, txt" % count)
    report.add("")
    report.add("| run | seconds | documents/second |")
    report.add("| --- | --- | --- |")
    for name, seconds in figures.items():
        if name == "pandoc formats":
            continue
        report.add("| %s | %.1f | %.1f |" % (name, seconds, count / seconds))
    if pandoc and figures.get("pandoc formats", 3) < 3:
        report.add("")
        report.add("pandoc did docx and txt only (no PDF engine installed): its times cover 2 of 3 formats.")
    report.add("")
    return figures


def _scaled_release(megabytes: float) -> str:
    seed = SEED.read_text(encoding="utf-8")
    head, _, body = seed.partition("**Vienna")
    body = "**Vienna" + body
    paragraphs = [p for p in body.split("\n\n") if p.strip() and "contact" not in p.lower()]
    text = head
    i = 0
    target = int(megabytes * 1024 * 1024)
    pieces = [head]
    size = len(head)
    while size < target:
        piece = paragraphs[i % len(paragraphs)] + "\n\n"
        if i % 40 == 39:
            piece = "## Section %d\n\n" % i + piece
        pieces.append(piece)
        size += len(piece)
        i += 1
    text = "".join(pieces)
    return text


_SCALE = """
import resource, sys, time, pressconv
path, fmt = sys.argv[1], sys.argv[2]
start = time.perf_counter()
document = pressconv.parse(path, max_bytes=1 << 30)
pressconv.write(document, fmt)
elapsed = time.perf_counter() - start
# VmHWM is this process's own peak; ru_maxrss would keep the forking parent's after exec
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status")
               if line.startswith("VmHWM:"))
print(elapsed, peak_kb)
"""


def scaling(report: Report, sizes: list[float], work: Path) -> dict:
    report.add("## Input scaling (parse + write, one process each)")
    report.add("")
    report.add("| MB | docx s | docx peak MB | pdf s | pdf peak MB | txt s | txt peak MB |")
    report.add("| --- | --- | --- | --- | --- | --- | --- |")
    figures: dict = {}
    for mb in sizes:
        path = work / ("scale-%g.md" % mb)
        path.write_text(_scaled_release(mb), encoding="utf-8")
        row = []
        for fmt in FORMATS:
            out = subprocess.run([sys.executable, "-c", _SCALE, str(path), WRITER[fmt]],
                                 capture_output=True, text=True, timeout=3600, env=ENV)
            if out.returncode != 0:
                row.append((float("nan"), float("nan")))
                report.add("<!-- %s %g MB failed: %s -->" % (fmt, mb, out.stderr[-300:]))
                continue
            seconds, rss_kb = out.stdout.split()
            row.append((float(seconds), int(rss_kb) / 1024))
            figures[(fmt, mb)] = (float(seconds), int(rss_kb) / 1024)
        report.add("| %g | %s |" % (mb, " | ".join("%.2f | %.0f" % cell for cell in row)))
    report.add("")
    lo, hi = min(sizes), max(sizes)
    for fmt in FORMATS:
        if (fmt, lo) in figures and (fmt, hi) in figures:
            per_lo = figures[(fmt, lo)][0] / lo
            per_hi = figures[(fmt, hi)][0] / hi
            report.add("%s: time per MB at %g MB is %.2f× that at %g MB (target ≤ 1.5); peak memory "
                       "%.0f× the input at %g MB (target ≤ 60)"
                       % (fmt, hi, per_hi / per_lo, lo, figures[(fmt, hi)][1] / hi, hi))
    report.add("")
    return figures


def targets(report: Report, found: dict[str, dict], count: int) -> None:
    """The issue's targets, each with its figure from this run and pandoc's beside it."""
    rows = []
    inproc, process = found.get("inprocess"), found.get("process", {})

    def pandoc_ms(fmt: str) -> str:
        theirs = process.get(fmt, (None, None))[1]
        return "%.0f ms per process" % theirs if theirs else "–"

    if inproc:
        for fmt, limit, name in (("docx", 5, "DOCX"), ("pdf", 10, "PDF (fonts embedded)"), ("txt", 1, "text")):
            rows.append(("seed → %s in process ≤ %g ms" % (name, limit), "%.2f ms" % inproc[fmt],
                         pandoc_ms(fmt), inproc[fmt] <= limit))
    batch_figures = found.get("batch")
    if batch_figures and "pandoc loop" in batch_figures:
        for jobs, theirs, factor in ((1, "pandoc loop", 10), (2, "pandoc xargs -P2", 5)):
            ours_rate = count / batch_figures["pressconv -j%d" % jobs]
            their_rate = count / batch_figures[theirs]
            rows.append(("batch ≥ %d × %s" % (factor, theirs), "-j%d %.1f docs/s = %.1f×"
                         % (jobs, ours_rate, ours_rate / their_rate), "%.1f docs/s" % their_rate,
                         ours_rate >= factor * their_rate))
    cold = found.get("cold")
    if cold:
        rows.append(("CLI convert to text ≤ 1.6 × `python -c 'import markdown_it'`",
                     "%.0f vs %.0f ms = %.2f×" % (cold["pressconv convert seed.md -o x.txt"],
                                                 cold["python -c 'import markdown_it'"], cold["ratio"]),
                     pandoc_ms("txt"), cold["ratio"] <= 1.6))
    scale = found.get("scaling")
    if scale:
        sizes = sorted({mb for _, mb in scale})
        lo, hi = sizes[0], sizes[-1]
        if all((fmt, mb) in scale for fmt in FORMATS for mb in (lo, hi)):
            ratios = {fmt: (scale[fmt, hi][0] / hi) / (scale[fmt, lo][0] / lo) for fmt in FORMATS}
            memory = {fmt: scale[fmt, hi][1] / hi for fmt in FORMATS}
            rows.append(("time per MB at %g MB ≤ 1.5 × that at %g MB" % (hi, lo),
                         ", ".join("%s %.2f×" % item for item in ratios.items()), "–",
                         all(r <= 1.5 for r in ratios.values())))
            rows.append(("peak memory ≤ 60 × input at %g MB" % hi,
                         ", ".join("%s %.0f×" % item for item in memory.items()), "–",
                         all(m <= 60 for m in memory.values())))
    report.add("## Targets")
    report.add("")
    report.add("| target | measured | pandoc (same run) | met |")
    report.add("| --- | --- | --- | --- |")
    for name, measured, theirs, met in rows:
        report.add("| %s | %s | %s | %s |" % (name, measured, theirs, "yes" if met else "**no**"))
    report.add("")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, smaller batch")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: "
                        "inprocess,process,cold,batch,scaling")
    parser.add_argument("--output", type=Path, default=RESULTS,
                        help="where the Markdown report goes (default: benchmarks/RESULTS.md)")
    parser.add_argument("--repeat", type=int, help="repetitions (default: 21, 7 with --quick)")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    repeat = args.repeat or (7 if args.quick else 21)
    pandoc = pandoc_command()
    engine = pandoc_pdf_engine()
    import pressconv

    report = Report()
    report.add("# Benchmark results")
    report.add("")
    report.add("- date: %s" % datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    report.add("- machine: %s, %d cores, Python %s" % (platform.platform(), os.cpu_count() or 0,
                                                       platform.python_version()))
    report.add("- pressconv %s; pandoc: %s; pandoc PDF engine: %s" % (
        pressconv.__version__, pandoc_version(pandoc) if pandoc else "not installed",
        engine or "none installed"))
    report.add("- command: `%s`" % " ".join(["python benchmarks/run.py"] + sys.argv[1:]))
    report.add("")
    found: dict[str, dict] = {}
    count = 100 if args.quick else 500
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        if "inprocess" not in skip:
            found["inprocess"] = in_process(report, repeat)
        if "process" not in skip:
            found["process"] = per_process(report, pandoc, engine, max(5, repeat // 3), work)
        if "cold" not in skip:
            found["cold"] = cold_start(report, 2 * repeat, work)  # cheap, and the noisiest ratio
        if "batch" not in skip:
            found["batch"] = batch(report, pandoc, engine, count, work)
        if "scaling" not in skip:
            found["scaling"] = scaling(report, [0.5, 1, 2] if args.quick else [0.5, 1, 2, 4, 8], work)
    targets(report, found, count)
    args.output.write_text("\n".join(report.lines) + "\n", encoding="utf-8")
    print("wrote", args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
