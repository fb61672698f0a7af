"""Reading converted output back as a reader would: the text of a DOCX, PDF or text file."""

from __future__ import annotations

import io
import json


def docx_text(data: bytes) -> str:
    """Body paragraphs, tables (nested too), headers, footers and footnotes of a DOCX."""
    import zipfile

    from docx import Document as open_docx

    document = open_docx(io.BytesIO(data))
    parts = []

    def walk(container) -> None:
        for paragraph in container.paragraphs:
            parts.append(paragraph.text)
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    walk(cell)

    walk(document)
    for section in document.sections:
        walk(section.header)
        walk(section.footer)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/footnotes.xml" in package.namelist():
            import re

            xml = package.read("word/footnotes.xml").decode("utf-8")
            parts.extend(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    """All pages' text, with pypdf."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def output_text(data: bytes | str, fmt: str) -> str:
    """The visible text of a writer's output."""
    if fmt == "docx":
        return docx_text(data)  # type: ignore[arg-type]
    if fmt == "pdf":
        return pdf_text(data)  # type: ignore[arg-type]
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    if fmt == "json":
        return json.dumps(json.loads(text), ensure_ascii=False)
    return text
