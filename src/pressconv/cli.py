"""Command line: ``pressconv convert | check | inspect | formats``.

Every command calls the public API (``pressconv.parse``/``write``); the CLI
only parses arguments, chooses output paths and reports.  Exit status: 0 done,
1 a file failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import Sequence

from .batch import DEFAULT_BATCH_TIMEOUT
from .errors import PressconvError

EXAMPLES = {
    "convert": """examples:
  pressconv convert release.md -o release.docx
  pressconv convert release.md -t docx,pdf,txt --out-dir out/
  cat release.md | pressconv convert - -t text -o -
  pressconv convert releases/ -t pdf --out-dir out/ --overwrite
  pressconv convert 'releases/**/*.md' -t docx,pdf --out-dir out/ -j 4 --incremental
  pressconv convert release.md -o release.pdf --set accent_color=#0b5394 --margins 2cm

house style: pressconv.toml next to the input (or [tool.pressconv] in pyproject.toml)
gives fonts, page size, margins, colours, logo, header/footer and default formats;
flags override it.  Exit status: 0 all converted, 1 a file failed, 2 usage error.""",
    "check": """examples:
  pressconv check release.md
  pressconv check releases/ --strict
  pressconv check releases/*.md --format github     annotations in GitHub Actions
  pressconv check release.md --format json --disable PC109,PC111

Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage error.
Codes are switched off for good with [check] disable = ["PC109"] in pressconv.toml.""",
    "inspect": """examples:
  pressconv inspect release.md            summary of what was recognised
  pressconv inspect release.md --json     the JSON contract (headline, dateline, quotes ...)
  pressconv inspect release.md --tree     the document tree, indented""",
    "formats": """examples:
  pressconv formats
  pressconv formats --json""",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: one line, exit 2
        self.print_usage(sys.stderr)
        self.exit(2, "pressconv: error: %s\n" % message)


def _build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(prog="pressconv", description="Convert Markdown press releases to DOCX, "
                     "PDF and plain-text briefings, keeping headline, dateline, quotes and contacts.")
    parser.add_argument("--version", action="version", version="pressconv " + __version__)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=text, description=text, epilog=EXAMPLES[name],
                                   formatter_class=argparse.RawDescriptionHelpFormatter)

    convert = command("convert", "convert press releases to other formats")
    convert.add_argument("inputs", nargs="+", metavar="INPUT",
                         help="Markdown files, folders (all *.md inside), globs, or - for stdin")
    convert.add_argument("-o", "--output", help="output file (format from its suffix), or - for stdout")
    convert.add_argument("-t", "--to", metavar="FORMATS", help="output formats, comma-separated (docx,pdf,txt ...)")
    convert.add_argument("--out-dir", type=Path, metavar="DIR", help="folder for the outputs (created if missing); "
                         "folders keep their relative paths below it")
    convert.add_argument("--overwrite", action="store_true", help="replace existing output files")
    convert.add_argument("--incremental", action="store_true",
                         help="skip inputs unchanged since the last run into --out-dir")
    convert.add_argument("-j", "--jobs", type=_positive_int, metavar="N",
                         help="worker processes for several inputs (default: number of cores)")
    convert.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                         help="time limit per input (default: %g s when converting several, "
                              "none for one; 0 = none)" % DEFAULT_BATCH_TIMEOUT)
    convert.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    _config_arguments(convert)
    style = convert.add_argument_group("house style (overrides the configuration)")
    style.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", dest="settings",
                       help="any configuration key, e.g. --set accent_color=#003366 (repeatable)")
    style.add_argument("--width", type=int, help="text formats: wrap width (0 = no wrap)")
    style.add_argument("--ascii", action="store_true", default=None, help="text formats: ASCII only")
    style.add_argument("--page-size", metavar="A4|Letter", help="PDF/DOCX page size")
    style.add_argument("--margins", help="page margins: 2cm, or \"2cm,1.5cm\" or top,right,bottom,left")
    style.add_argument("--font", help="a TrueType file or font family to use")
    style.add_argument("--logo", help="logo image (PNG/JPEG) at the top of the first page")
    style.add_argument("--reference-docx", help="DOCX: take styles, page set-up, header/footer from this file")
    style.add_argument("--header-text", help="DOCX/PDF: running header text")
    style.add_argument("--footer-text", help="DOCX/PDF: running footer text")
    convert.add_argument("--deterministic", action="store_true",
                         help="fixed timestamps and ids, for reproducible output")
    convert.add_argument("--resource-path", action="append", default=[], type=Path,
                         help="another folder images may be read from (repeatable)")
    convert.add_argument("--allow-remote-images", action="store_true",
                         help="fetch http(s) images (10 s timeout, 20 MB cap); off by default: "
                              "pressconv reaches no network otherwise")
    convert.add_argument("--max-size", type=float, metavar="MB",
                         help="largest input accepted, in MB (default 20)")

    check = command("check", "check press releases for missing or wrong parts (a linter for CI)")
    check.add_argument("inputs", nargs="+", metavar="FILE",
                       help="Markdown files, folders (all *.md inside), globs, or - for stdin")
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="text (default), json, or github (GitHub Actions annotations)")
    check.add_argument("--strict", action=argparse.BooleanOptionalAction, default=None,
                       help="warnings fail the check too")
    check.add_argument("--disable", default="", metavar="CODES",
                       help="codes to leave out, comma-separated (e.g. PC109,PC111)")
    _config_arguments(check)

    inspect = command("inspect", "show what pressconv recognises in a release")
    inspect.add_argument("input", help="a Markdown file, or - for stdin")
    shape = inspect.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print the JSON contract and the tree")
    shape.add_argument("--tree", action="store_true", help="print the document tree")

    formats = command("formats", "list the output formats")
    formats.add_argument("--json", action="store_true", help="print the list as JSON")
    return parser


def _config_arguments(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--config", type=Path, metavar="FILE",
                       help="read the house style from this file instead of looking for one")
    where.add_argument("--no-config", action="store_true",
                       help="ignore pressconv.toml and [tool.pressconv]")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not 0 <= value < 1e6:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or a number of seconds")
    return value


def console_main() -> int:
    """The ``pressconv`` program and ``python -m pressconv``: :func:`main`, then a quick exit.

    The collector is told to run rarely while the recognisers' modules and
    patterns load (they allocate thousands of long-lived objects and would set
    off ~40 collections that free nothing), and everything alive at the end is
    frozen so that the interpreter's last collection at exit skips it.  Together
    that is ~20 ms of a ~110 ms one-file conversion.  Only here, not in
    :func:`main`: a program that calls ``main()`` keeps its own collector settings.
    """
    gc.set_threshold(50_000, 20, 20)
    status = main()
    gc.freeze()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        commands = {"convert": _convert, "check": _check, "inspect": _inspect, "formats": _formats}
        return commands[args.command](args)
    except PressconvError as error:
        print("pressconv: error: %s" % error, file=sys.stderr)
        return 2 if isinstance(error, _usage_errors()) else 1
    except KeyboardInterrupt:
        print("pressconv: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


def _usage_errors() -> tuple[type, ...]:
    from .errors import ConfigError

    return (ConfigError,)


def _read_input(name: str):
    from .api import parse

    if name == "-":
        return parse(sys.stdin.buffer.read(), name="<stdin>")
    return parse(Path(name))


def _inspect(args: argparse.Namespace) -> int:
    from .contract import inspect_dict

    document = _read_input(args.input)
    if args.json:
        import json  # here, not at the top: `convert` never needs it (start-up time)

        data = inspect_dict(document)
        data["document"] = document.to_dict()
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.tree:
        from .treedump import dump_tree

        sys.stdout.write(dump_tree(document))
    else:
        _print_summary(document)
    return 0


def _print_summary(document) -> None:
    out = sys.stdout
    out.write("headline:    %s\n" % (document.headline or "-"))
    if document.subheadline:
        out.write("subheadline: %s\n" % document.subheadline)
    if document.release:
        out.write("release:     %s\n" % document.release.text)
    d = document.dateline
    out.write("dateline:    %s\n" % ("%s (place %s, date %s)" % (d.raw, d.place, d.date) if d else "-"))
    out.write("quotes:      %d\n" % len(document.quotes))
    for quote in document.quotes:
        text = quote.text if len(quote.text) < 70 else quote.text[:67] + "..."
        out.write("  - %s — %s\n" % (text, quote.speaker or "(unattributed)"))
    out.write("contacts:    %d\n" % len(document.contacts))
    for contact in document.contacts:
        fields = [contact.name, contact.organization, contact.phone, contact.email]
        out.write("  - %s\n" % ", ".join(f for f in fields if f))
    out.write("end mark:    %s\n" % (document.end_mark or "-"))
    for warning in document.warnings:
        out.write("warning: %s\n" % _format_message(document.source, warning))


def _format_message(source: str | None, message) -> str:
    where = source or "<input>"
    if message.line:
        where += ":%d" % message.line
    code = "%s " % message.code if message.code else ""
    return "%s: %s%s" % (where, code, message.text)


def _formats(args: argparse.Namespace) -> int:
    from .writers import registry

    infos = registry.infos()
    if args.json:
        import json  # here, not at the top: `convert` never needs it (start-up time)

        rows = [{"name": i.name, "aliases": list(i.aliases), "suffixes": list(i.suffixes),
                 "origin": i.origin} for i in infos]
        print(json.dumps(rows, indent=2))
        return 0
    print("%-10s %-14s %-22s %s" % ("FORMAT", "ALIASES", "SUFFIXES", "ORIGIN"))
    for info in infos:
        print("%-10s %-14s %-22s %s" % (info.name, ",".join(info.aliases) or "-",
                                         " ".join(info.suffixes), info.origin))
    return 0


def _writer_options(args: argparse.Namespace) -> dict:
    """Writer options from the flags, checked like configuration values: --set, then flags."""
    from .config import check_option, parse_setting
    from .errors import ConfigError

    options = dict(parse_setting(text) for text in args.settings)
    flags = {"width": args.width, "ascii": args.ascii, "page_size": args.page_size,
             "font": args.font, "logo": args.logo, "reference_docx": args.reference_docx,
             "header_text": args.header_text, "footer_text": args.footer_text,
             "margins": args.margins.split(",") if args.margins else None}
    for key, value in flags.items():
        if value is not None:
            options[key] = check_option(key, value, origin="--" + key.replace("_", "-"))
    if args.deterministic:
        options["deterministic"] = True
    if args.resource_path:
        options["resource_paths"] = args.resource_path
    if args.allow_remote_images:
        options["allow_remote_images"] = True
    if args.max_size is not None:
        if args.max_size <= 0:
            raise ConfigError("--max-size must be a positive number of MB")
        options["max_bytes"] = int(args.max_size * 1024 * 1024)
    return options


def _convert(args: argparse.Namespace) -> int:
    from .batch import run_convert

    return run_convert(args, _writer_options(args))


def _check(args: argparse.Namespace) -> int:
    from .batch import expand_inputs, style_for
    from .config import parse_codes
    from .lint import FORMATTERS, check_file, check_source

    flags = parse_codes(args.disable)
    findings = []
    failed = False
    for source, _ in expand_inputs(args.inputs):
        config = style_for(args, source, {})
        options = {"disable": config.disable | flags, "severity": dict(config.severity)}
        if source == "-":
            found = check_source(sys.stdin.buffer.read(), "<stdin>", None, **options)
        else:
            found = check_file(source, **options)
        strict = config.strict if args.strict is None else args.strict
        failed |= any(f.severity == "error" or strict for f in found)
        findings += found
    sys.stdout.write(FORMATTERS[args.format](findings))
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
