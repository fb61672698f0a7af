"""The few flowables ReportLab lacks: outline marks, quote paragraphs with a bar, page-wise tables."""

from __future__ import annotations

from typing import Any, Callable, Sequence

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table
from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.flowables import _listWrapOn

from .bidi import BidiParagraph
from .styles import ACCENT, HEADER_FILL, RULE, STRIPE_FILL

CELL_PAD_X = 4.0
CELL_PAD_Y = 3.0


class PlainCell(str):
    """Cell text already broken into lines, drawn by Table itself (much cheaper than a Paragraph)."""

    leading: float = 11.5


def plain_cell(text: str, leading: float) -> PlainCell:
    """A PlainCell with its line height."""
    cell = PlainCell(text)
    cell.leading = leading
    return cell


class OutlineMark(Flowable):
    """A zero-size mark that puts a bookmark (outline entry) where it lands."""

    _ZEROSIZE = 1

    def __init__(self, title: str, level: int) -> None:
        super().__init__()
        self.title = title
        self.level = level
        self.keepWithNext = 1
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        count = getattr(canvas, "_pc_outline_count", 0) + 1
        last = getattr(canvas, "_pc_outline_level", -1)
        level = max(0, min(self.level, last + 1))  # ReportLab refuses a jump of two levels
        canvas._pc_outline_count = count
        canvas._pc_outline_level = level
        key = "pc-outline-%d" % count
        canvas.bookmarkHorizontal(key, 0, 0)
        canvas.addOutlineEntry(self.title, key, level=level, closed=level > 0)


class KeepWithNext(KeepTogether):
    """Keeps a heading with the start of what follows, not with all of it.

    ReportLab's KeepTogether moves a heading and a long table or paragraph after it
    to a new page as soon as the whole does not fit, leaving a gap; here only the
    heading and the first few lines need to fit.
    """

    follow = 48.0  #: points of the next flowable that must fit below the heading

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = self._content[:]
        if self._H <= aH:
            return content
        head = _listWrapOn(content[:-1], aW, self.canv)[1] if len(content) > 1 else 0.0
        last = content[-1]
        height = last.wrap(aW, aH)[1]
        if isinstance(last, KeepTogether):
            follow = last._H  # it will not split: all of it must fit
        elif isinstance(last, (Paragraph, Table, PressTable)):
            follow = min(height, self.follow)
        else:
            follow = height
        needed = head + follow
        frame = getattr(self, "_frame", None)
        at_top = getattr(frame, "_atTop", False) if frame is not None else False
        if needed <= aH or at_top:
            return content
        return [FrameBreak()] + content


class QuoteParagraph(BidiParagraph):
    """A paragraph of a block quote, with the accent bar at its left."""

    bar_gap = 9.0
    bar_width = 2.0

    def draw(self) -> None:
        canvas = self.canv
        extend = getattr(self.style, "pc_bar_extend", 0.0)
        canvas.saveState()
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(self.bar_width)
        x = -self.bar_gap
        canvas.line(x, -extend, x, self.height)
        canvas.restoreState()
        super().draw()


class PressTable(Flowable):
    """A table laid out one page at a time, so 100,000 rows cost linear time.

    ReportLab's Table measures every row on each split (quadratic for long
    tables); this flowable measures rows lazily and hands the frame a plain
    Table of the rows that fit, with the header row repeated on every page.  A
    row taller than a page is split inside the row by ReportLab (``splitInRow``).
    """

    def __init__(self, columns: int, row_count: int,
                 make_row: Callable[[int, list[float], bool], list[Any]],
                 make_header: Callable[[list[float]], list[Any]],
                 widths: Callable[[float], list[float]], align: Sequence[str],
                 frame_height: float, start: int = 0, shared: dict | None = None) -> None:
        super().__init__()
        self.columns = columns
        self.row_count = row_count
        self.make_row = make_row
        self.make_header = make_header
        self.widths_for = widths
        self.align = list(align)
        self.frame_height = frame_height
        self.start = start
        self.shared = shared if shared is not None else {"cells": {}, "heights": {}}
        self.hAlign = "LEFT"
        self.space = (4.0, 12.0)  #: points before the table and after its last row
        self.spaceBefore = self.space[0] if start == 0 else 0.0
        self.spaceAfter = self.space[1]

    # ------------------------------------------------------------ measuring

    def _widths(self, avail: float) -> list[float]:
        widths = self.shared.get("widths")
        if widths is None:
            widths = self.shared["widths"] = self.widths_for(avail)
            self.shared["header_h"] = _row_height(self.make_header(widths), widths)
        return widths

    def _height(self, index: int) -> float:
        heights = self.shared["heights"]
        if index not in heights:
            widths = self.shared["widths"]
            cells = self.make_row(index, widths, False)
            self.shared["cells"][index] = cells
            heights[index] = _row_height(cells, widths)
        return heights[index]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        widths = self._widths(availWidth)
        self.width = sum(widths)
        height = self.shared["header_h"]
        for index in range(self.start, self.row_count):
            height += self._height(index)
            if height > availHeight:
                break
        self.height = height
        return self.width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        widths = self._widths(availWidth)
        room = availHeight - self.shared["header_h"]
        end = self.start
        while end < self.row_count and room >= self._height(end):
            room -= self._height(end)
            end += 1
        if end == self.start:
            if end >= self.row_count:
                return []  # only the header is left (a table without rows): next page
            if self.shared["header_h"] + self._height(end) <= self.frame_height:
                return []  # the next page has room for it
            # A row taller than a page: ReportLab splits inside it.  The frame needs
            # the first piece to fit as it is, so the split is done here.
            tall = self._table(end, end + 1, widths, split_in_row=True)
            tall.wrap(availWidth, availHeight)
            pieces = tall.split(availWidth, availHeight)
            return pieces + self._rest(end + 1) if pieces else []
        return [self._table(self.start, end, widths)] + self._rest(end)

    def _rest(self, start: int) -> list[Flowable]:
        if start >= self.row_count:
            return []
        return [PressTable(self.columns, self.row_count, self.make_row, self.make_header,
                           self.widths_for, self.align, self.frame_height, start, self.shared)]

    def draw(self) -> None:
        table = self._table(self.start, self.row_count, self.shared["widths"])
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    # ------------------------------------------------------------ building

    def _table(self, start: int, end: int, widths: list[float],
               split_in_row: bool = False) -> Table:
        cells = self.shared["cells"]
        heights = self.shared["heights"]
        if split_in_row:
            body = [self.make_row(start, widths, True)]
            row_heights = None
        else:
            body = [cells.pop(i, None) or self.make_row(i, widths, False)
                    for i in range(start, end)]
            row_heights = [self.shared["header_h"]] + [heights.pop(i) for i in range(start, end)]
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1),
             [None, STRIPE_FILL] if start % 2 == 0 else [STRIPE_FILL, None]),
        ]
        commands += self.shared.get("font_commands", [])
        for column, how in enumerate(self.align):
            if how in ("CENTER", "RIGHT"):
                commands.append(("ALIGN", (column, 0), (column, -1), how))
        table = Table([self.make_header(widths)] + body, colWidths=widths,
                      rowHeights=row_heights, repeatRows=1, splitInRow=int(split_in_row),
                      style=commands, hAlign="LEFT",
                      spaceBefore=self.space[0] if start == 0 else 0,
                      spaceAfter=self.space[1] if end >= self.row_count else 0)
        return table


def _row_height(cells: list[Any], widths: list[float]) -> float:
    """The height of a row of cells: plain strings (pre-wrapped lines) or Paragraphs."""
    best = 0.0
    for cell, width in zip(cells, widths):
        if isinstance(cell, Flowable):
            height = cell.wrap(width - 2 * CELL_PAD_X, 1e9)[1]
        elif isinstance(cell, PlainCell):
            height = (cell.count("\n") + 1) * cell.leading if cell else 0.0
        else:
            height = 0.0
        best = max(best, height)
    return best + 2 * CELL_PAD_Y
