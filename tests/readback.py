"""Reading converted output back as a reader would: the text of a DOCX, PDF or text file."""

from __future__ import annotations

import io
import json
import re

from pressconv.model import Document, plain_text


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
        return document_text(Document.from_dict(json.loads(text)))
    if fmt == "markdown":
        import pressconv

        return document_text(pressconv.parse(text))
    if fmt in ("text", "wire"):
        return _LINK_NUMBER.sub("", text)  # "text [1]" link numbers are the writer's markup
    return text


_LINK_NUMBER = re.compile(r" ?\[\d+\]")


def document_text(document: Document) -> str:
    """The visible text of every part of a Document, for formats that hold the model."""
    parts = [document.release.text if document.release else None, document.headline,
             document.subheadline, document.dateline.raw if document.dateline else None,
             plain_text(document.body)]
    for section in document.boilerplate:
        parts += [section.title, plain_text(section.children)]
    parts.append(document.end_mark)
    for contact in document.contacts:
        parts += [contact.name, contact.role, contact.organization, contact.phone,
                  contact.email, contact.url]
    return "\n".join(p for p in parts if p)
