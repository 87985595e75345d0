"""Put the separately printed parts of the handbook PDF together (pypdf).

Chromium prints the cover and contents, every site page, and a sheet of page numbers as separate PDFs.
This module joins them into one document: links between pages become links inside the PDF (Chromium writes
them as `pdfdest:NAME` URIs, and every link target as a named destination of its own part), the page
numbers are laid over the content pages, the bookmarks follow the navigation down to each question, each
font's per-part subsets are merged into one, and page labels match the printed numbers (i, ii, … for the
cover and contents; 1, 2, … from the first page on).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    Fit,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

LINK_SCHEME = "pdfdest:"
NUMBER_FORM = NameObject("/HandbookPageNumber")


class AssemblyError(Exception):
    pass


@dataclass
class Part:
    """One printed PDF and the named destinations it defines: {name: (page index in the part, left, top)}."""

    label: str
    reader: PdfReader
    destinations: dict[str, tuple[int, float, float]] = field(default_factory=dict)

    @classmethod
    def read(cls, label: str, data: bytes) -> Part:
        reader = PdfReader(BytesIO(data))
        destinations = {}
        for name, destination in reader.named_destinations.items():
            index = reader.get_destination_page_number(destination)
            if index is not None:
                destinations[name.lstrip("/")] = (index, float(destination.left or 0), float(destination.top or 0))
        return cls(label, reader, destinations)

    def __len__(self) -> int:
        return len(self.reader.pages)


@dataclass
class Bookmark:
    title: str
    destination: str
    children: list[Bookmark] = field(default_factory=list)
    open: bool = False


class Handbook:
    """The front matter (cover and contents) followed by the content parts, in order."""

    def __init__(self, front: Part, parts: list[Part]):
        self.front = front
        self.parts = parts
        self.destinations: dict[str, tuple[int, float, float]] = {}
        offset = len(front)
        for part in [front, *parts]:
            start = 0 if part is front else offset
            for name, (index, left, top) in part.destinations.items():
                self.destinations[name] = (start + index, left, top)
            if part is not front:
                offset += len(part)

    def page_number(self, name: str) -> int:
        """The printed page number of a destination in the content (1 = the first content page)."""
        return self.destinations[name][0] - len(self.front) + 1


def content_destinations(parts: list[Part]) -> dict[str, int]:
    """{destination: printed page number} over the content parts, before the front matter exists."""
    numbers, offset = {}, 0
    for part in parts:
        for name, (index, _, _) in part.destinations.items():
            numbers[name] = offset + index + 1
        offset += len(part)
    return numbers


def assemble(front: Part, parts: list[Part], numbers: Part, bookmarks: list[Bookmark],
             metadata: dict[str, str]) -> tuple[PdfWriter, list[str]]:
    """The whole handbook as a pypdf writer, and warnings (links whose anchor fell back to its page)."""
    handbook = Handbook(front, parts)
    writer = PdfWriter()
    for part in [front, *parts]:
        for page in part.reader.pages:
            writer.add_page(page)
    content_pages = sum(map(len, parts))
    if len(numbers) != content_pages:
        raise AssemblyError(f"the page-number sheet has {len(numbers)} pages for {content_pages} content pages")
    warnings = resolve_links(writer, handbook)
    lay_page_numbers(writer, numbers, first=len(front))
    merge_font_subsets(writer)
    add_bookmarks(writer, handbook, bookmarks)
    writer.set_page_label(0, len(front) - 1, style="/r")
    writer.set_page_label(len(front), len(writer.pages) - 1, style="/D", start=1)
    writer.add_metadata(metadata)
    writer.root_object[NameObject("/Lang")] = TextStringObject("zh-CN")
    writer.page_mode = "/UseOutlines"
    writer.create_viewer_preferences()
    writer.viewer_preferences.display_doctitle = True
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    return writer, warnings


def explicit_destination(writer: PdfWriter, target: tuple[int, float, float]) -> ArrayObject:
    index, left, top = target
    return ArrayObject([writer.pages[index].indirect_reference, NameObject("/XYZ"),
                        FloatObject(left), FloatObject(top), NumberObject(0)])


def resolve_links(writer: PdfWriter, handbook: Handbook) -> list[str]:
    """Turn every `pdfdest:NAME` link into a link to that place in the PDF. A name missing from every part
    (its element was not printed) falls back to the top of its page, with a warning; a link to a page that
    is not in the handbook fails the build."""
    warnings, missing = [], []
    for page in writer.pages:
        for reference in page.get("/Annots") or []:
            annotation = reference.get_object()
            action = annotation.get("/A")
            uri = str(action.get_object().get("/URI", "")) if action is not None else ""
            if annotation.get("/Subtype") != "/Link" or not uri.startswith(LINK_SCHEME):
                continue
            name = uri[len(LINK_SCHEME):]
            target = handbook.destinations.get(name)
            if target is None:
                page_key = name.split("--", 1)[0]
                target = handbook.destinations.get(page_key)
                if target is None:
                    missing.append(name)
                    continue
                warnings.append(f"link to #{name} goes to the top of its page: the anchor is not printed")
            del annotation["/A"]
            annotation[NameObject("/Dest")] = explicit_destination(writer, target)
    if missing:
        raise AssemblyError("links to places that are not in the handbook: " + ", ".join(sorted(set(missing))))
    return sorted(set(warnings))


def stream(data: bytes) -> DecodedStreamObject:
    result = DecodedStreamObject()
    result.set_data(data)
    return result


def lay_page_numbers(writer: PdfWriter, numbers: Part, first: int) -> None:
    """Draw page i of the number sheet over content page i, as a form XObject, leaving the content streams
    Chromium wrote untouched (no decoding and re-compressing)."""
    save = writer._add_object(stream(b"q\n"))
    restore_and_draw = writer._add_object(stream(b"\nQ q " + NUMBER_FORM.encode() + b" Do Q\n"))
    for offset, sheet in enumerate(numbers.reader.pages):
        page = writer.pages[first + offset]
        contents = sheet.raw_get("/Contents").get_object()
        form = contents.clone(writer, force_duplicate=True)
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = ArrayObject(FloatObject(value) for value in sheet.mediabox)
        form[NameObject("/Resources")] = sheet["/Resources"].clone(writer)
        resources = DictionaryObject(page["/Resources"].get_object())
        xobjects = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
        xobjects[NUMBER_FORM] = form.indirect_reference
        resources[NameObject("/XObject")] = xobjects
        page[NameObject("/Resources")] = resources
        original = page.raw_get("/Contents")
        streams = list(original.get_object()) if isinstance(original.get_object(), ArrayObject) else [original]
        page[NameObject("/Contents")] = ArrayObject([save, *streams, restore_and_draw])


def font_descriptors(writer: PdfWriter):
    """Every font descriptor reachable from the pages' resources, including those of form XObjects."""
    seen: set[int] = set()
    stack = [page["/Resources"] for page in writer.pages]
    while stack:
        resources = stack.pop().get_object()
        for font in (resources.get("/Font") or DictionaryObject()).get_object().values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts") or []:
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None:
                    yield descriptor.get_object()
        for reference in (resources.get("/XObject") or DictionaryObject()).get_object().values():
            xobject = reference.get_object()
            if id(xobject) in seen:
                continue
            seen.add(id(xobject))
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                stack.append(xobject["/Resources"])


def merged_truetype(programs: list[bytes]) -> bytes:
    """One TrueType font holding every glyph of `programs`, subsets of one font that keep its glyph ids.
    Glyphs are copied as compiled bytes, straight from each subset's glyf table (a composite glyph names its
    parts by glyph id, which the subsets share), so no outline is decoded."""
    fonts = [TTFont(BytesIO(program), recalcBBoxes=False, recalcTimestamp=False) for program in programs]
    base = max(fonts, key=lambda font: font["maxp"].numGlyphs)
    base_order, base_glyphs, base_metrics = base.getGlyphOrder(), base["glyf"].glyphs, base["hmtx"]
    for font in fonts:
        if font is base:
            continue
        offsets, data, metrics, order = font["loca"], font.reader["glyf"], font["hmtx"], font.getGlyphOrder()
        for glyph_id in range(min(len(offsets) - 1, len(base_order))):
            start, end = offsets[glyph_id], offsets[glyph_id + 1]
            name = base_order[glyph_id]
            if end > start and not getattr(base_glyphs[name], "data", b""):
                base_glyphs[name] = Glyph(data[start:end])
                base_metrics[name] = metrics[order[glyph_id]]
    for table in ("GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG", "DSIG"):
        if table in base:
            del base[table]
    buffer = BytesIO()
    base.save(buffer)
    return buffer.getvalue()


def merge_font_subsets(writer: PdfWriter) -> None:
    """Chromium embeds its own subset of every font in every part, keeping the font's glyph ids, so the
    subsets of one font merge into a single program that all parts share (the PDF then carries each font
    once instead of once per page of the site)."""
    descriptors: dict[str, list[DictionaryObject]] = {}
    for descriptor in font_descriptors(writer):
        if "/FontFile2" in descriptor:
            name = str(descriptor.get("/FontName", "")).lstrip("/").split("+")[-1]
            descriptors.setdefault(name, []).append(descriptor)
    for group in descriptors.values():
        programs = {id(program): program for program in (descriptor["/FontFile2"].get_object() for descriptor in group)}
        if len(programs) < 2:
            continue
        data = merged_truetype([program.get_data() for program in programs.values()])
        merged = stream(data).flate_encode(level=9)
        merged[NameObject("/Length1")] = NumberObject(len(data))
        reference = writer._add_object(merged)
        for descriptor in group:
            descriptor[NameObject("/FontFile2")] = reference


def add_bookmarks(writer: PdfWriter, handbook: Handbook, bookmarks: list[Bookmark], parent=None) -> None:
    for bookmark in bookmarks:
        index, left, top = handbook.destinations[bookmark.destination]
        item = writer.add_outline_item(title=bookmark.title, page_number=index, parent=parent,
                                       fit=Fit.xyz(left, top, 0), is_open=bookmark.open)
        add_bookmarks(writer, handbook, bookmark.children, item)
