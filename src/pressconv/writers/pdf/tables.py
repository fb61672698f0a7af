"""Model tables -> PressTable flowables: column widths, wide tables in column groups, cell text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ..._bidi import has_rtl
from ...errors import ConversionError
from ...model import SoftBreak, Table, TableCell, Text, plain_text
from .bidi import BidiParagraph as Paragraph
from .flowables import CELL_PAD_X, PressTable, plain_cell
from .markup import chunk_inlines, clean, escape, inline_length

if TYPE_CHECKING:
    from .blocks import Builder

MIN_COLUMN = 42.0  #: narrowest column worth printing, in points; more columns go to a new group
MAX_TABLE_CELLS = 2_000_000  #: beyond this a table is refused with a clear error
MAX_CELL_CHARS = 20_000  #: longer cell text is cut (with a warning) to keep layout bounded
_SAMPLE_ROWS = 200  #: rows measured to choose column widths
_MEASURE_CHARS = 1_000  #: characters of a cell measured for its natural width

_ALIGN = {"left": "LEFT", "center": "CENTER", "centre": "CENTER", "right": "RIGHT"}


def table_flowables(builder: Builder, table: Table, avail: float) -> list[Flowable]:
    """The flowables showing ``table`` in ``avail`` points of width."""
    columns = len(table.header)
    if columns == 0:
        return []
    cells = columns * (len(table.rows) + 1)
    if cells > MAX_TABLE_CELLS:
        raise ConversionError(
            "a table with %d rows and %d columns (%d cells) is too large for the PDF writer"
            % (len(table.rows), columns, cells), line=table.line,
            hint="split the table, or convert to docx or text instead")
    fonts = builder.house.fonts
    metrics = _metrics(table, fonts.family("sans").bold.name, fonts.family("serif").regular.name,
                       builder.house.style("head").fontSize, builder.house.style("cell").fontSize)
    groups = _groups(metrics, avail)
    out: list[Flowable] = []
    for number, group in enumerate(groups):
        if len(groups) > 1:
            first = group[0] + 1 if number == 0 else group[1] + 1
            caption = "Columns %d\u2013%d of %d" % (first, group[-1] + 1, columns)
            if number:
                caption += " (column 1 repeated)"
            out.append(Paragraph(escape(caption), builder.house.style("table_caption")))
        out.append(_TableMaker(builder, table, group, metrics).flowable())
    return out


def _metrics(table: Table, head_font: str, body_font: str, head_size: float,
             body_size: float) -> list[tuple[float, float]]:
    """(natural width, width of the longest word) per column, from the first rows."""
    columns = len(table.header)
    natural = [0.0] * columns
    least = [0.0] * columns
    pad = 2 * CELL_PAD_X + 1
    for number, row in enumerate((table.header,) + table.rows[:_SAMPLE_ROWS]):
        font, size = (head_font, head_size) if number == 0 else (body_font, body_size)
        for column, cell in enumerate(row[:columns]):
            text = clean(plain_text(cell.children))[:_MEASURE_CHARS]
            if not text:
                continue
            natural[column] = max(natural[column], stringWidth(text, font, size))
            longest = max(text.split(), key=len, default="")[:30]
            least[column] = max(least[column], stringWidth(longest, font, size))
    return [(n + pad, min(m, 110.0) + pad) for n, m in zip(natural, least)]


def _groups(metrics: list[tuple[float, float]], avail: float) -> list[list[int]]:
    """Columns packed into groups that fit ``avail``; column 1 repeats as every group's key."""
    need = [min(n, max(m, MIN_COLUMN)) for n, m in metrics]
    if sum(need) <= avail:
        return [list(range(len(metrics)))]
    groups: list[list[int]] = []
    current = [0]
    used = need[0]
    for column in range(1, len(metrics)):
        if used + need[column] > avail and len(current) > 1:
            groups.append(current)
            current, used = [0], need[0]
        current.append(column)
        used += need[column]
    groups.append(current)
    return groups


class _TableMaker:
    """Builds the cells of one column group lazily, page by page."""

    def __init__(self, builder: Builder, table: Table, group: list[int],
                 metrics: list[tuple[float, float]]) -> None:
        self.builder = builder
        self.metrics = [metrics[c] for c in group]
        self.table = table
        self.group = group
        self.house = builder.house
        self.align = [_ALIGN.get((table.align[c] or "").lower(), "LEFT")
                      if c < len(table.align) and table.align[c] else "LEFT" for c in group]
        fonts = self.house.fonts
        self.body_font = fonts.family("serif").regular
        self.head_font = fonts.family("sans").bold
        self.body_style = self.house.style("cell")
        self.head_style = self.house.style("head")
        self.warned = False

    def flowable(self) -> PressTable:
        table = PressTable(len(self.group), len(self.table.rows), self.row, self.header,
                           self.widths, self.align, self.house.frame_height)
        table.shared["font_commands"] = [
            ("FONT", (0, 0), (-1, 0), self.head_font.name, self.head_style.fontSize,
             self.head_style.leading),
            ("FONT", (0, 1), (-1, -1), self.body_font.name, self.body_style.fontSize,
             self.body_style.leading),
            ("TEXTCOLOR", (0, 0), (-1, -1), self.body_style.textColor),
        ]
        return table

    # ------------------------------------------------------------ cells

    def _cell(self, row: tuple[TableCell, ...], column: int) -> TableCell:
        return row[column] if column < len(row) else TableCell(())

    def header(self, widths: list[float]) -> list[Any]:
        return [self.content(self._cell(self.table.header, c), widths[i], True, i, False)
                for i, c in enumerate(self.group)]

    def row(self, index: int, widths: list[float], rich: bool) -> list[Any]:
        row = self.table.rows[index]
        return [self.content(self._cell(row, c), widths[i], False, i, rich)
                for i, c in enumerate(self.group)]

    def content(self, cell: TableCell, width: float, head: bool, position: int,
                rich: bool) -> Any:
        """A cell as pre-wrapped plain text when it is plain, else as a Paragraph."""
        children = cell.children
        if not children:
            return ""
        if inline_length(children) > MAX_CELL_CHARS:
            children = chunk_inlines(children, MAX_CELL_CHARS)[0] + (Text(" [\u2026]"),)
            if not self.warned:
                self.warned = True
                self.builder.context.warn(
                    "PDF: table cell text longer than %d characters was shortened"
                    % MAX_CELL_CHARS, line=self.table.line)
        style = self.head_style if head else self.body_style
        face = self.head_font if head else self.body_font
        inner = width - 2 * CELL_PAD_X
        if not rich and all(type(n) in (Text, SoftBreak) for n in children):
            text = clean("".join(n.text if type(n) is Text else " " for n in children)).strip()
            if face.coverage.issuperset(text) and not has_rtl(text):  # RTL: a Paragraph orders it
                if stringWidth(text, face.name, style.fontSize) <= inner:
                    return plain_cell(text, style.leading)  # the common case: one line
                lines = simpleSplit(text, face.name, style.fontSize, inner)
                if all(stringWidth(line, face.name, style.fontSize) <= inner for line in lines):
                    return plain_cell("\n".join(lines), style.leading)
        align = self.align[position]
        name = ("head" if head else "cell") + ("" if align == "LEFT" else "_" + align.lower())
        role = "sans" if head else "serif"
        markup = self.builder.renderer.render(children, role, bold=head)
        return Paragraph(markup, self.house.style(name))

    # ------------------------------------------------------------ widths

    def widths(self, avail: float) -> list[float]:
        """Column widths filling ``avail``."""
        return share_widths([n for n, _ in self.metrics], [m for _, m in self.metrics], avail)


def share_widths(natural: list[float], minimum: list[float], avail: float) -> list[float]:
    """Column widths within ``avail``, as a browser lays out an automatic table.

    When everything fits, natural widths are stretched (a small table only by
    half, so its columns stay together).  Otherwise columns whose
    natural width is below a fair share keep it (no wrapped "22.8 %"), and the
    wide columns share the rest: each its minimum plus room in proportion to how
    much more it would like.
    """
    count = len(natural)
    natural = [max(n, m, MIN_COLUMN / 2) for n, m in zip(natural, minimum)]
    total = sum(natural)
    if total <= avail:
        # a small table is widened a little, not spread thin across the page
        factor = avail / total if total * 1.5 >= avail * 0.75 else 1.5
        return [n * factor for n in natural]
    fixed: dict[int, float] = {}
    while True:
        rest = [i for i in range(count) if i not in fixed]
        room = avail - sum(fixed.values())
        share = room / len(rest) if rest else 0.0
        narrow = [i for i in rest if natural[i] <= share]
        if not narrow or len(narrow) == len(rest):
            break
        for i in narrow:
            fixed[i] = natural[i]
    rest = [i for i in range(count) if i not in fixed]
    room = avail - sum(fixed.values())
    widths = [fixed.get(i, 0.0) for i in range(count)]
    least = sum(minimum[i] for i in rest)
    if least >= room:
        for i in rest:
            widths[i] = room / len(rest) if least == 0 else minimum[i] * room / least
    else:
        wants = {i: natural[i] - minimum[i] for i in rest}
        total_want = sum(wants.values()) or 1.0
        for i in rest:
            widths[i] = minimum[i] + (room - least) * wants[i] / total_want
    return widths
