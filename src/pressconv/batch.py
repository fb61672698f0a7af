"""``pressconv convert``: which inputs, which outputs, one at a time or in parallel.

Planning (inputs × formats → output paths) is separate from doing, so that a
failure in one file never stops the others and nothing half-written remains.
"""

from __future__ import annotations

import argparse
import glob
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError, PressconvError


@dataclass(frozen=True)
class Job:
    """One input file and the outputs to make from it."""

    source: str  #: a path, or "-" for stdin
    relative: Path  #: the path below the input root, for --out-dir
    outputs: tuple[tuple[str, str], ...]  #: (format name, output path or "-")


def expand_inputs(inputs: list[str]) -> list[tuple[str, Path]]:
    """Files, folders (every *.md below) and globs → (file, path relative to its root)."""
    found: list[tuple[str, Path]] = []
    for item in inputs:
        if item == "-":
            found.append(("-", Path("stdin")))
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*.md")):
                if child.is_file():
                    found.append((str(child), child.relative_to(path)))
        elif any(c in item for c in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise ConfigError("no file matches %r" % item)
            root = Path(item.split("*")[0].split("?")[0].split("[")[0])
            root = root if root.is_dir() else root.parent
            for match in matches:
                if Path(match).is_file():
                    found.append((match, Path(match).relative_to(root)))
        else:
            found.append((item, Path(path.name)))
    return found


def plan(args: argparse.Namespace) -> list[Job]:
    """The jobs the arguments ask for; usage mistakes raise ConfigError."""
    from .writers import registry

    sources = expand_inputs(args.inputs)
    if not sources:
        raise ConfigError("no input files found", hint="give Markdown files or a folder with *.md files")
    formats = [f.strip() for f in (args.to or "").split(",") if f.strip()]
    if args.output and args.output != "-":
        if len(sources) > 1:
            raise ConfigError("-o names one output file but there are %d inputs" % len(sources),
                              hint="use --out-dir for several inputs")
        if len(formats) > 1:
            raise ConfigError("-o names one output file but %d formats were asked for" % len(formats),
                              hint="use --out-dir for several formats")
        name = formats[0] if formats else registry.for_path(args.output).name
        return [Job(sources[0][0], sources[0][1], ((registry.get(name).name, args.output),))]
    if args.output == "-":
        if len(sources) != 1 or len(formats) > 1:
            raise ConfigError("-o - (stdout) takes one input and one format")
        name = formats[0] if formats else "text"
        return [Job(sources[0][0], sources[0][1], ((registry.get(name).name, "-"),))]
    if not formats:
        raise ConfigError("no output format given", hint="use -o FILE.docx or -t docx,pdf,txt")
    writers = [registry.get(f) for f in formats]
    jobs = []
    for source, relative in sources:
        outputs = []
        for writer in writers:
            stem = relative.with_suffix("") if relative.suffix else relative
            name = str(stem) + writer.suffixes[0]
            if args.out_dir is not None:
                target = args.out_dir / name
            elif source == "-":
                raise ConfigError("stdin input needs -o or --out-dir")
            else:
                target = Path(source).parent / Path(name).name
            outputs.append((writer.name, str(target)))
        jobs.append(Job(source, relative, tuple(outputs)))
    return jobs


def convert_job(job: Job, options: dict[str, Any], overwrite: bool) -> list[str]:
    """Convert one input to all its outputs; returns warning lines. Raises PressconvError."""
    from .api import parse, write

    if job.source == "-":
        document = parse(sys.stdin.buffer.read(), name="<stdin>")
    else:
        document = parse(Path(job.source))
    lines = [_message(job.source, m) for m in document.warnings]
    for name, target in job.outputs:
        if target == "-":
            result = write(document, name, **options)
            data = result.value
            sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
            sys.stdout.buffer.flush()
        else:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            result = write(document, name, target, overwrite=overwrite, **options)
        lines.extend(_message(target, m) for m in result.warnings)
    return lines


def _message(where: str, message: Any) -> str:
    if message.line:
        where = "%s:%d" % (where, message.line)
    return "%s: warning: %s%s" % (where, message.code + " " if message.code else "", message.text)


def run_convert(args: argparse.Namespace, options: dict[str, Any]) -> int:
    """Run every job; report per file; exit 1 when any file failed."""
    jobs = plan(args)
    converted = failed = warned = 0
    for job in jobs:
        try:
            lines = convert_job(job, options, args.overwrite)
        except PressconvError as error:
            failed += 1
            print("pressconv: error: %s" % error, file=sys.stderr)
            continue
        converted += 1
        warned += bool(lines)
        if not args.quiet:
            for line in lines:
                print(line, file=sys.stderr)
    if len(jobs) > 1 and not args.quiet:
        print("pressconv: %d converted, %d with warnings, %d failed"
              % (converted, warned, failed), file=sys.stderr)
    return 1 if failed else 0
