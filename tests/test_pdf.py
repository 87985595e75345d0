"""The whole-handbook PDF, as a reader gets it: built once per session by the pipeline's own command
(scripts/build_pdf.py into the built site), then read back with pdftotext, pdffonts and pypdf. A few pages
are rasterized to tests/artifacts/ for a person to look at."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from browser import ARTIFACTS
from pages import DOCS, load_config, nav_pages, questions
from sitebuild import ROOT

BUILD_PDF = ROOT / "scripts" / "build_pdf.py"
RAW_MATH = re.compile(r"\$`|\\(?:frac|mathbf|mathrm|sum|prod|partial|sqrt|begin|end|left|right|alpha|sigma|theta)\b"
                      r"|katex-error|ParseError|KaTeX parse")
RADICALS = re.compile("[\u2e80-\u2fdf]")  # what CFF CJK fonts extract as when Chromium draws them as Type 3


def run_build_pdf(site: Path, output: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BUILD_PDF), str(site), str(output), *options],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Handbook:
    path: Path
    log: str

    @cached_property
    def reader(self):
        from pypdf import PdfReader

        return PdfReader(self.path)

    @cached_property
    def texts(self) -> list[str]:
        """Text of each page, as pdftotext (poppler) extracts it, in reading order."""
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(self.path), "-"],
                              capture_output=True, text=True, check=True).stdout
        return text.split("\f")[: len(self.reader.pages)]

    @cached_property
    def layout_texts(self) -> list[str]:
        text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(self.path), "-"],
                              capture_output=True, text=True, check=True).stdout
        return text.split("\f")[: len(self.reader.pages)]

    @cached_property
    def bookmarks(self) -> list[tuple[int, str, int]]:
        """(depth, title, page index) of every bookmark, in order."""
        found = []

        def walk(items, depth):
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    found.append((depth, item.title, self.reader.get_destination_page_number(item)))

        walk(self.reader.outline, 0)
        return found

    @cached_property
    def outline_tree(self) -> list[tuple[str, int, list]]:
        """[(title, page index, children)] of the top-level bookmarks."""

        def tree(items):
            nodes = []
            for item in items:
                if isinstance(item, list):
                    nodes[-1][2].extend(tree(item))
                else:
                    nodes.append((item.title, self.reader.get_destination_page_number(item), []))
            return nodes

        return tree(self.reader.outline)

    @cached_property
    def labels(self) -> list[str]:
        return list(self.reader.page_labels)

    def page_of_label(self, label: str) -> int:
        return self.labels.index(label)


@pytest.fixture(scope="session")
def handbook(built_site) -> Handbook:
    """The handbook PDF, made by the pipeline's command at the path the deploy workflow publishes."""
    output = built_site.path / "handbook.pdf"
    result = run_build_pdf(built_site.path, output)
    if result.returncode != 0:
        pytest.fail(f"scripts/build_pdf.py failed:\n{result.stdout}\n{result.stderr}")
    return Handbook(output, result.stdout + result.stderr)


def nav_titles() -> list[str]:
    titles = []

    def walk(items):
        for item in items:
            (title, value), = item.items()
            walk(value) if isinstance(value, list) else titles.append(title)

    walk(load_config()["nav"])
    return titles


def test_the_build_reports_its_figures_and_no_warnings(handbook):
    print(handbook.log)  # pages, size and time, shown with -s or on failure
    assert re.search(rf"{len(nav_pages())} site pages, \d+ PDF pages, [\d.]+ MiB, [\d.]+ s", handbook.log)
    assert "warning" not in handbook.log  # nothing wider than the paper, every link target printed


def test_the_home_page_links_to_the_pdf_where_the_pipeline_writes_it(built_site, handbook):
    from test_site_output import GENERATED_FILES

    assert re.search(r'<a href="handbook\.pdf"', built_site.page(""))
    assert handbook.path == built_site.path / "handbook.pdf" and "handbook.pdf" in GENERATED_FILES
    assert handbook.path.stat().st_size > 1_000_000


def test_every_page_title_appears_on_the_page_its_bookmark_opens(handbook):
    titles = nav_titles()
    pages = {title: index for depth, title, index in handbook.bookmarks if title in titles}
    assert set(pages) == set(titles)
    for title, index in pages.items():
        assert squeeze(title) in squeeze(handbook.texts[index]), title


def test_bookmarks_follow_the_navigation_down_to_each_question(handbook):
    tree = handbook.outline_tree
    assert tree[0][0] == "目录" and handbook.labels[tree[0][1]] == "ii"  # after the cover
    expected, found = [], []
    for item, (title, _, children) in zip(load_config()["nav"], tree[1:]):
        (nav_title, value), = item.items()
        expected.append((nav_title, [next(iter(entry)) for entry in value] if isinstance(value, list) else []))
        found.append((title, [child[0] for child in children] if isinstance(value, list) else []))
    assert found == expected and len(tree) == len(expected) + 1
    indices = [index for _, _, index in handbook.bookmarks]
    assert indices[1:] == sorted(indices[1:])  # in reading order
    bookmarked = {squeeze(title) for _, title, _ in handbook.bookmarks}
    plain = [squeeze(title) for title in question_titles()]
    assert len(plain) >= 250 and [title for title in plain if title not in bookmarked] == []


def question_titles() -> list[str]:
    """Headings of the questions of every written page (the generated study pages only list them), where
    the Markdown heading is plain text."""
    written = [DOCS / page for page in nav_pages() if page.endswith(".md") and (DOCS / page).is_file()]
    return [question.title for path in written for question in questions(path)
            if not re.search(r"[`$*\\[\]<&]", question.title)]


def test_each_question_heading_shares_its_page_with_its_quick_answer(handbook):
    """A heading never ends a page: every question's 速答 follows it on the page its bookmark opens."""
    pages = {squeeze(title): index for _, title, index in handbook.bookmarks}
    separated = []
    for title in question_titles():
        text = squeeze(handbook.texts[pages[squeeze(title)]])
        start = text.find(squeeze(title)[:12])
        if start < 0 or "速答" not in text[start:]:
            separated.append(title)
    assert separated == []


def test_the_table_of_contents_gives_each_page_its_printed_page_number(handbook):
    front = [index for index, label in enumerate(handbook.labels) if not label.isdigit()]
    assert front == list(range(len(front))) and 2 <= len(front) <= 20
    toc = "\n".join(handbook.layout_texts[index] for index in front)
    for title in nav_titles():
        match = re.search(rf"^\s*{re.escape(title)}\s+(\d+)\s*$", toc, re.MULTILINE)
        assert match, f"{title} is not in the table of contents"
        page = handbook.page_of_label(match.group(1))
        assert squeeze(title) in squeeze(handbook.texts[page]), f"{title}: page {match.group(1)} does not show it"


def test_printed_page_numbers_match_the_page_labels(handbook):
    for index, label in enumerate(handbook.labels):
        lines = [line.strip() for line in handbook.layout_texts[index].splitlines() if line.strip()]
        if label.isdigit():
            assert lines[-1].endswith(label), f"page {index + 1} is labelled {label} but ends with {lines[-1]!r}"


def test_internal_links_point_at_pages_of_the_pdf(handbook):
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(handbook.reader.pages)}
    internal, outside = [], []
    for index, page in enumerate(handbook.reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            if "/Dest" in annotation:
                target = annotation["/Dest"][0]
                internal.append((index, pages[target.idnum]))
            else:
                outside.append(str(annotation["/A"].get("/URI")))
    assert len(internal) >= 1000
    assert [uri for uri in outside if not uri.startswith(("http://", "https://", "mailto:"))] == []
    # nothing points at the temporary server the pages were printed from (files that are not pages, such as
    # notebooks, link to the published site: SITE_URL, or MkDocs' default address without it)
    site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
    assert [uri for uri in outside if "127.0.0.1" in uri and not uri.startswith(site_url)] == []
    # the contents' link to each page lands on that page
    toc_links = [(source, target) for source, target in internal if not handbook.labels[source].isdigit()]
    first_pages = {index for depth, title, index in handbook.bookmarks if title in nav_titles()}
    assert first_pages <= {target for _, target in toc_links}


def test_there_is_no_latex_source_or_katex_error_and_formulas_are_set_in_katex_fonts(handbook):
    text = "\n".join(handbook.texts)
    assert RAW_MATH.findall(text) == []
    fonts = subprocess.run(["pdffonts", str(handbook.path)], capture_output=True, text=True, check=True).stdout
    assert "KaTeX_Main-Regular" in fonts and "KaTeX_Math-Italic" in fonts


def test_chinese_text_is_extractable_from_an_embedded_truetype_cjk_font(handbook):
    fonts = subprocess.run(["pdffonts", str(handbook.path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert [row for row in rows if "Type" in row and "3" in row] == []  # no glyphs drawn as Type 3 procedures
    cjk = [row for row in rows if "NotoSansCJKsc" in row[0]]
    assert {row[0].split("+")[-1] for row in cjk} == {"NotoSansCJKsc-Regular", "NotoSansCJKsc-Bold"}
    assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in cjk)  # embedded, subset, with a ToUnicode map
    text = "\n".join(handbook.texts)
    assert RADICALS.findall(text) == []  # 面 is U+9762, not the Kangxi radical ⾯; searching the PDF works
    assert unicodedata.normalize("NFKC", text).count("梯度消失") == text.count("梯度消失") > 20


def test_no_page_is_shrunk_to_fit(handbook):
    """Chromium scales a whole page down when anything on it is wider than the paper. Its content streams
    start with the page transform and then the CSS-pixel scale, 0.75 pt/px in all when nothing is shrunk."""
    scales = []
    for page in handbook.reader.pages:
        contents = page.raw_get("/Contents").get_object()
        head = (contents[1] if isinstance(contents, list) else contents).get_object().get_data()[:300].decode("latin-1")
        page_scale = re.search(r"([\d.]+) 0 0 -[\d.]+ [\d.]+ [\d.]+ cm", head)
        css_scale = re.search(r"\s([\d.]+) 0 0 \1 [\d.]+ [\d.]+ cm", head)
        scales.append(float(page_scale.group(1)) * float(css_scale.group(1)))
    assert min(scales) > 0.99 * 0.75 and max(scales) == pytest.approx(0.75, abs=0.001)


def rasterize(pdf: Path, index: int, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / name
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(index + 1), "-l", str(index + 1),
                    str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")


def ink(png: Path) -> float:
    from PIL import Image

    image = Image.open(png).convert("L")
    dark = sum(count for value, count in enumerate(image.histogram()) if value < 200)
    return dark / (image.width * image.height)


def test_sample_pages_are_rasterized_for_review(handbook):
    titles = {title: index for _, title, index in handbook.bookmarks}
    samples = {
        "pdf-cover": 0,
        "pdf-contents": 1,
        "pdf-first-page": handbook.page_of_label("1"),
        "pdf-formulas": titles["梯度消失与梯度爆炸"],
        "pdf-table": next(index for index, text in enumerate(handbook.texts)
                          if {"TP/FP", "precision", "recall"} <= set(text.split())),
        "pdf-code": next(index for index, text in enumerate(handbook.texts) if "import torch" in text),
        "pdf-notebook": titles["逐层梯度范数：sigmoid、ReLU + He 与残差连接"],
    }
    for name, index in samples.items():
        png = rasterize(handbook.path, index, name)
        assert ink(png) > (0.003 if name == "pdf-cover" else 0.01), f"{name} (page {index + 1}) looks empty"


def small_site(built_site, tmp_path, pages: list[str]) -> tuple[Path, Path]:
    """A copy of the built site and a config whose navigation holds only the pages titled `pages`."""
    import yaml

    site = tmp_path / "site"
    shutil.copytree(built_site.path, site, ignore=shutil.ignore_patterns("*.pdf"))
    config = load_config()
    nav = []
    for item in config["nav"]:
        (title, value), = item.items()
        if isinstance(value, list):
            kept = [entry for entry in value if next(iter(entry)) in pages]
            nav += [{title: kept}] if kept else []
        elif title in pages:
            nav.append(item)
    path = tmp_path / "mkdocs.yml"
    settings = {key: config[key] for key in ("site_name", "site_description", "site_author")}
    path.write_text(yaml.safe_dump(settings | {"nav": nav}, allow_unicode=True), encoding="utf-8")
    return site, path


def test_a_missing_page_fails_the_build_naming_it(built_site, tmp_path):
    site, config = small_site(built_site, tmp_path, ["首页", "优化器"])
    (site / "training" / "optimizers" / "index.html").unlink()
    result = run_build_pdf(site, tmp_path / "out.pdf", "--config", str(config))
    assert result.returncode == 1
    assert "training/optimizers/ (优化器)" in result.stderr and "missing" in result.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_a_page_that_fails_to_load_fails_the_build_naming_it_and_what_failed(built_site, tmp_path):
    site, config = small_site(built_site, tmp_path, ["首页", "优化器", "学习率策略"])
    page = site / "training" / "learning-rate" / "index.html"
    html = page.read_text(encoding="utf-8")
    broken = '<img alt="不存在的图" src="no-such-figure.svg"><img alt="外站的图" src="https://example.org/figure.png">'
    page.write_text(html.replace('<article class="md-content__inner md-typeset">',
                                 '<article class="md-content__inner md-typeset">' + broken, 1), encoding="utf-8")
    result = run_build_pdf(site, tmp_path / "out.pdf", "--config", str(config), "--jobs", "1")
    assert result.returncode == 1, result.stdout
    assert "training/learning-rate/ (学习率策略)" in result.stderr
    assert "404" in result.stderr and "no-such-figure.svg" in result.stderr
    assert "loads from another host: https://example.org/figure.png" in result.stderr
    assert "优化器" not in result.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_a_small_handbook_builds_with_its_own_navigation(built_site, tmp_path):
    """The same command on a two-page navigation: the failure tests above differ from it only by the doctoring."""
    site, config = small_site(built_site, tmp_path, ["首页", "学习率策略"])
    result = run_build_pdf(site, tmp_path / "out.pdf", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert "2 site pages" in result.stdout and (tmp_path / "out.pdf").stat().st_size > 100_000
