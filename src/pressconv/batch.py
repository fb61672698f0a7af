"""``pressconv convert``: which inputs, which outputs, one at a time or in parallel.

Planning (inputs × formats → output paths, existing files, unchanged inputs)
happens before anything is written, so a refusal leaves the disk untouched.
Each input is then converted on its own (in a worker process when there are
several): every format is rendered in memory first and written atomically
afterwards, so a file that fails, or runs past its time limit, leaves no
output behind and never stops the others.
"""

from __future__ import annotations

import argparse
import functools
import glob
import os
import sys
import time
from dataclasses import field, replace
from pathlib import Path
from typing import Any, Mapping

from ._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from .errors import ConfigError, OutputError, PressconvError

DEFAULT_BATCH_TIMEOUT = 120.0  #: seconds per input when several are converted
STATE_NAME = ".pressconv-state.json"  #: --incremental's record, in the --out-dir
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Job:
    """One input file and the outputs to make from it."""

    source: str  #: a path, or "-" for stdin
    relative: Path  #: the path below the input root, for --out-dir
    outputs: tuple[tuple[str, str], ...]  #: (format name, output path or "-")
    options: Mapping[str, Any] = field(default_factory=dict)  #: writer options after config + flags
    data: bytes | None = None  #: the input itself when it came from stdin
    digest: str = ""  #: hash of input + formats + options, for --incremental
    may_replace: bool = False  #: existing outputs may be replaced


@dataclass
class Outcome:
    """What converting one Job gave: warnings, or the error that stopped it."""

    source: str  #: the job's source
    warnings: list[str] = field(default_factory=list)  #: formatted warning lines
    error: str | None = None  #: the error line when the job failed
    written: tuple[str, ...] = ()  #: the outputs written
    usage: bool = False  #: the error is the user's option or house style (exit status 2)


# ---------------------------------------------------------------- planning


def expand_inputs(inputs: list[str], exclude: Path | None = None) -> list[tuple[str, Path]]:
    """Files, folders (every *.md below) and globs → (file, path relative to its root).

    Hidden folders and ``exclude`` (the --out-dir, when it lies inside an input
    folder) are left out, so earlier outputs are never read as inputs.
    """
    skip = exclude.resolve() if exclude is not None else None
    found: list[tuple[str, Path]] = []
    for item in inputs:
        path = Path(item)
        if item == "-":
            found.append(("-", Path("stdin")))
        elif path.is_dir():
            below = []
            for folder, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")
                           and (skip is None or Path(folder, d).resolve() != skip)]
                below += [Path(folder, n) for n in names
                          if n.lower().endswith(MARKDOWN_SUFFIXES) and not n.startswith(".")]
            found += sorted((str(f), f.relative_to(path)) for f in below)
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise ConfigError("no file matches %r" % item)
            parts = path.parts
            plain = next(i for i, part in enumerate(parts) if glob.has_magic(part))
            root = Path(*parts[:plain]) if plain else Path(".")
            found += [(m, Path(m).relative_to(root)) for m in matches if Path(m).is_file()
                      and (skip is None or not Path(m).resolve().is_relative_to(skip))]
        else:
            found.append((item, Path(path.name)))
    return found


def style_for(args: argparse.Namespace, source: str, options: Mapping[str, Any]) -> Any:
    """The house style (a Config) for one input: its configuration, overridden by the flags."""
    from .config import Config, config_for, load_config

    if getattr(args, "no_config", False):
        config = Config()
    elif getattr(args, "config", None):
        config = load_config(args.config)
    else:
        config = config_for(source)
    return config.with_options(**options)


def plan(args: argparse.Namespace, options: Mapping[str, Any] | None = None) -> list[Job]:
    """The jobs the arguments ask for; usage mistakes raise ConfigError."""
    from .writers import registry

    options = options or {}
    sources = expand_inputs(args.inputs, args.out_dir)
    if not sources:
        raise ConfigError("no input files found", hint="give Markdown files or a folder with *.md files")
    if sum(s == "-" for s, _ in sources) > 1:
        raise ConfigError("stdin (-) can be read only once")
    asked = [f.strip() for f in (args.to or "").split(",") if f.strip()]
    stdin = sys.stdin.buffer.read() if any(s == "-" for s, _ in sources) else None

    if args.output is not None:
        if args.out_dir is not None:
            raise ConfigError("give -o or --out-dir, not both",
                              hint="-o names one file; --out-dir a folder for many")
        if len(sources) > 1:
            raise ConfigError("-o names one output but there are %d inputs" % len(sources),
                              hint="use --out-dir for several inputs")
        if len(asked) > 1:
            raise ConfigError("-o names one output but %d formats were asked for" % len(asked),
                              hint="use --out-dir for several formats")
        (source, relative), = sources
        style = style_for(args, source, options)
        if asked:
            name = asked[0]
        elif args.output == "-":
            name = style.formats[0] if len(style.formats) == 1 else "text"
        else:
            name = registry.for_path(args.output).name
        writer = registry.get(name)
        job = Job(source, relative, ((writer.name, args.output),), dict(style.options), stdin)
        return [_digested(job, stdin) if args.incremental else job]

    jobs = []
    targets: dict[str, str] = {}
    for source, relative in sources:
        style = style_for(args, source, options)
        formats = asked or list(style.formats)
        if not formats:
            raise ConfigError("no output format given",
                              hint="use -o FILE.docx, -t docx,pdf,txt, or formats = [...] "
                                   "in pressconv.toml")
        if source == "-" and args.out_dir is None:
            raise ConfigError("stdin input needs -o or --out-dir")
        outputs = []
        for writer in dict.fromkeys(registry.get(f) for f in formats):  # txt and text: once
            stem = relative.with_suffix("") if relative.suffix else relative
            name = str(stem) + writer.suffixes[0]
            target = str(args.out_dir / name if args.out_dir is not None
                         else Path(source).parent / Path(name).name)
            if target in targets:
                raise ConfigError("%s and %s would both be written to %s"
                                  % (targets[target], source, target),
                                  hint="convert them into separate --out-dir folders")
            targets[target] = source
            outputs.append((writer.name, target))
        job = Job(source, relative, tuple(outputs), dict(style.options),
                  stdin if source == "-" else None)
        jobs.append(_digested(job, stdin) if args.incremental else job)
    return jobs


def _digested(job: Job, stdin: bytes | None) -> Job:
    """The job with the hash --incremental compares: input, formats, options, version."""
    import hashlib
    import json  # json and hashlib are needed only by --incremental (start-up time)

    from . import __version__

    hasher = hashlib.sha256(__version__.encode())
    setup = {"outputs": [name for name, _ in job.outputs], "options": job.options}
    hasher.update(json.dumps(setup, sort_keys=True, default=str).encode())
    for value in job.options.values():  # logo, reference DOCX, font files: their content too
        if isinstance(value, str) and os.path.isabs(value) and os.path.isfile(value):
            hasher.update(_file_digest(value))
    try:
        hasher.update(stdin if job.source == "-" and stdin is not None
                      else Path(job.source).read_bytes())
    except OSError:
        return job  # reported when the job runs
    return replace(job, digest=hasher.hexdigest())


@functools.lru_cache(maxsize=64)
def _file_digest(path: str) -> bytes:
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).digest()


# ------------------------------------------------------------- converting


def run_job(job: Job, timeout: float | None) -> Outcome:
    """Convert one job; every failure becomes an Outcome with an error line."""
    from .timeouts import call_with_timeout

    try:
        return call_with_timeout(timeout, _convert, job, what="conversion")
    except PressconvError as error:
        return Outcome(job.source, error=_where(job, error), usage=isinstance(error, ConfigError))
    except Exception as error:  # a writer's bug fails this file, not the batch
        return Outcome(job.source, error="%s: unexpected %s: %s (a bug; please report it)"
                       % (_name(job), type(error).__name__, error))


def _convert(job: Job) -> Outcome:
    from .api import parse, write
    from .readers.source import DEFAULT_MAX_BYTES
    from .output import write_atomically

    options = dict(job.options)
    limit = options.pop("max_bytes", DEFAULT_MAX_BYTES)
    if job.data is not None:
        document = parse(job.data, name="<stdin>", max_bytes=limit)
    else:
        document = parse(Path(job.source), max_bytes=limit)
    warnings = [_message(_name(job), None, m) for m in document.warnings]
    rendered = []
    for name, target in job.outputs:  # all formats in memory first: all or nothing per input
        result = write(document, name, **options)
        warnings.extend(_message(_name(job), name, m) for m in result.warnings)
        rendered.append((target, result.value))
    for target, data in rendered:
        if target == "-":
            sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
            sys.stdout.buffer.flush()
            continue
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        write_atomically(Path(target), data, overwrite=job.may_replace,
                         source=None if job.data is not None else Path(job.source))
    return Outcome(job.source, warnings, None, tuple(t for t, _ in rendered))


def _name(job: Job) -> str:
    return "<stdin>" if job.source == "-" else job.source


def _where(job: Job, error: PressconvError) -> str:
    return str(error) if error.file else "%s: %s" % (_name(job), error)


def _message(where: str, writer: str | None, message: Any) -> str:
    if message.line:
        where = "%s:%d" % (where, message.line)
    code = message.code + " " if message.code else ""
    return "%s: warning: %s%s%s" % (where, "[%s] " % writer if writer else "", code, message.text)


# ------------------------------------------------------------------ state


def _load_state(out_dir: Path) -> dict[str, Any]:
    import json

    try:
        data = json.loads((out_dir / STATE_NAME).read_text(encoding="utf-8"))
        return data["files"] if data.get("version") == 1 else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # missing or damaged: convert everything again


def _save_state(out_dir: Path, files: dict[str, Any]) -> None:
    import json

    from .output import write_atomically

    out_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"version": 1, "files": files}, indent=1, sort_keys=True)
    write_atomically(out_dir / STATE_NAME, text + "\n")


def _outputs(job: Job, out_dir: Path) -> list[str]:
    return [Path(t).relative_to(out_dir).as_posix() for _, t in job.outputs]


# ---------------------------------------------------------------- running


def run_convert(args: argparse.Namespace, options: Mapping[str, Any]) -> int:
    """Plan, check, convert, report; exit status 1 when any file failed, 2 for a bad option."""
    from .parallel import Progress, run_parallel

    started = time.monotonic()
    if args.incremental and args.out_dir is None:
        raise ConfigError("--incremental needs --out-dir", hint="the record of what was "
                          "converted is kept in the output folder")
    jobs = plan(args, options)
    state = _load_state(args.out_dir) if args.incremental else {}
    todo = _select(jobs, state, args)
    timeout = (args.timeout if args.timeout is not None
               else DEFAULT_BATCH_TIMEOUT if len(jobs) > 1 else None) or None  # 0: no limit
    progress = Progress(len(todo), sys.stderr, enabled=not args.quiet and len(todo) > 1
                        and sys.stderr.isatty())
    outcomes: list[Outcome] = []

    def done(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if outcome.error:
            progress.say("pressconv: error: %s" % outcome.error)
        elif not args.quiet:
            for line in outcome.warnings:
                progress.say(line)
        progress.advance(failed=bool(outcome.error))

    try:
        if len(todo) > 1:
            workers = min(args.jobs or os.cpu_count() or 1, len(todo))
            run_parallel(todo, timeout, workers, run_job, done)
        else:
            for job in todo:
                done(run_job(job, timeout))
    finally:
        progress.close()
    if args.incremental:
        _record(state, todo, outcomes, args.out_dir)
    failed = [o for o in outcomes if o.error]
    if len(jobs) > 1 and not args.quiet:
        print("pressconv: %d converted, %d with warnings, %d failed%s in %.1f s"
              % (len(outcomes) - len(failed), sum(bool(o.warnings) for o in outcomes if not o.error),
                 len(failed), ", %d unchanged" % (len(jobs) - len(todo)) if args.incremental else "",
                 time.monotonic() - started), file=sys.stderr)
    return 2 if any(o.usage for o in failed) else 1 if failed else 0


def _select(jobs: list[Job], state: dict[str, Any], args: argparse.Namespace) -> list[Job]:
    """The jobs to run: unchanged ones left out; existing outputs refused unless replaceable."""
    todo: list[Job] = []
    refused: list[str] = []
    for job in jobs:
        entry = state.get(job.relative.as_posix()) or {}
        exists = [t for _, t in job.outputs if t != "-" and os.path.exists(t)]
        if job.digest and entry.get("digest") == job.digest and len(exists) == len(job.outputs):
            continue  # --incremental: unchanged since the last run, outputs still there
        owned = set(entry.get("outputs", ()))  # written by an earlier --incremental run
        ours = bool(owned) and all(Path(t).relative_to(args.out_dir).as_posix() in owned
                                   for t in exists)
        if not (args.overwrite or ours):
            refused += exists
        todo.append(replace(job, may_replace=bool(args.overwrite or ours)))
    if refused:
        more = " and %d more" % (len(refused) - 3) if len(refused) > 3 else ""
        raise OutputError("%d output file%s already exist%s: %s%s; nothing was written"
                          % (len(refused), "s"[:len(refused) != 1], "s"[:len(refused) == 1],
                             ", ".join(refused[:3]), more),
                          hint="pass --overwrite to replace them")
    return todo


def _record(state: dict[str, Any], todo: list[Job], outcomes: list[Outcome], out_dir: Path) -> None:
    """Update --incremental's state: converted inputs in, failed ones out."""
    import json

    before = json.dumps(state, sort_keys=True)
    jobs = {job.source: job for job in todo}
    for outcome in outcomes:
        job = jobs[outcome.source]
        if outcome.error or not job.digest:
            state.pop(job.relative.as_posix(), None)
        else:
            state[job.relative.as_posix()] = {"digest": job.digest,
                                              "outputs": _outputs(job, out_dir)}
    if json.dumps(state, sort_keys=True) != before or not (out_dir / STATE_NAME).exists():
        _save_state(out_dir, state)
