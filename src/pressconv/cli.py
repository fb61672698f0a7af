"""Command line: ``pressconv convert | inspect | formats``.

Every command calls the public API (``pressconv.parse``/``write``); the CLI
only parses arguments, chooses output paths and reports.  Exit status: 0 done,
1 a file failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from .errors import PressconvError

EXAMPLES = {
    "convert": """examples:
  pressconv convert release.md -o release.docx
  pressconv convert release.md -t docx,pdf,txt --out-dir out/
  cat release.md | pressconv convert - -t text -o -
  pressconv convert releases/ -t pdf --out-dir out/ --overwrite""",
    "inspect": """examples:
  pressconv inspect release.md            summary of what was recognised
  pressconv inspect release.md --json     the JSON contract (headline, dateline, quotes ...)
  pressconv inspect release.md --tree     the document tree, indented""",
    "formats": """examples:
  pressconv formats""",
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
    convert.add_argument("-t", "--to", help="output formats, comma-separated (docx,pdf,txt ...)")
    convert.add_argument("--out-dir", type=Path, help="folder for the outputs (created if missing)")
    convert.add_argument("--overwrite", action="store_true", help="replace existing output files")
    convert.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    convert.add_argument("--width", type=int, help="text formats: wrap width (0 = no wrap)")
    convert.add_argument("--ascii", action="store_true", help="text formats: ASCII only")
    convert.add_argument("--page-size", choices=["A4", "Letter"], help="PDF page size")
    convert.add_argument("--font", help="PDF: a TrueType file or font family to use")
    convert.add_argument("--reference-docx", help="DOCX: take styles, page set-up, header/footer from this file")
    convert.add_argument("--header-text", help="DOCX/PDF: running header text")
    convert.add_argument("--deterministic", action="store_true",
                         help="fixed timestamps and ids, for reproducible output")
    convert.add_argument("--resource-path", action="append", default=[], type=Path,
                         help="another folder images may be read from (repeatable)")

    inspect = command("inspect", "show what pressconv recognises in a release")
    inspect.add_argument("input", help="a Markdown file, or - for stdin")
    shape = inspect.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print the JSON contract and the tree")
    shape.add_argument("--tree", action="store_true", help="print the document tree")

    command("formats", "list the output formats")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return {"convert": _convert, "inspect": _inspect, "formats": _formats}[args.command](args)
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

    for info in registry.infos():
        names = ", ".join((info.name,) + info.aliases)
        print("%-20s %-22s %s" % (names, " ".join(info.suffixes), info.origin))
    return 0


def _writer_options(args: argparse.Namespace) -> dict:
    options = {
        "width": args.width, "ascii": args.ascii or None, "page_size": args.page_size,
        "font": args.font, "reference_docx": args.reference_docx,
        "header_text": args.header_text, "deterministic": args.deterministic,
        "resource_paths": args.resource_path,
    }
    return {k: v for k, v in options.items() if v not in (None, [], False)}


def _convert(args: argparse.Namespace) -> int:
    from .batch import run_convert

    return run_convert(args, _writer_options(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
