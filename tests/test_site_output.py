"""What the built site contains: working links and anchors, typeset math, nothing loaded from other hosts,
a clean search index, and KaTeX assets of the version that rendered the formulas."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from htmlscan import JS_REMOTE_LOAD, css_urls, is_absolute, scan_html, split_internal
from sitebuild import load_hook

SEARCH_INDEX = load_hook("search_index")
RAW_MATH = re.compile(
    r"\$`|```|tmp_(?:inline|block)_md_katex|katex-error"
    r"|\\(?:frac|mathbf|mathrm|sum|prod|partial|sqrt|lVert|rVert|begin|end|left|right|alpha|beta|sigma|theta|eta)\b"
)
CODE_AND_ANNOTATIONS = re.compile(
    r"<(pre|code|annotation|script|style|textarea)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE
)


# Files the pipeline adds to the built site after `mkdocs build`, which pages may link to:
# scripts/build_pdf.py writes handbook.pdf (make pdf, the deploy workflow); tests/test_pdf.py builds it there
# and checks the home page's link to it.
GENERATED_FILES = {"handbook.pdf"}


def generated_later(site: Path, target: Path) -> bool:
    return target.parent == site.resolve() and target.name in GENERATED_FILES


def resolve(site: Path, page: Path, path: str) -> Path:
    """The file a link points at. Root-relative links (the 404 page uses them, since it is served at any
    depth) are resolved against the site root; the default site_url has the path '/'."""
    if path.startswith("/"):
        target = site / path.lstrip("/")
    else:
        target = (page.parent / path) if path else page
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target.resolve()


def test_every_internal_link_and_anchor_resolves(built_site):
    ids_by_file: dict[Path, set[str]] = {}
    problems = []
    for page in built_site.html_files():
        scan = scan_html(page.read_text(encoding="utf-8"))
        ids_by_file[page.resolve()] = scan.ids
    for page in built_site.html_files():
        for href in scan_html(page.read_text(encoding="utf-8")).links:
            internal = split_internal(href)
            if internal is None:
                continue
            path, fragment = internal
            target = resolve(built_site.path, page, path)
            where = page.relative_to(built_site.path)
            if not target.exists() and not generated_later(built_site.path, target):
                problems.append(f"{where}: link {href!r} points at a missing file")
            elif fragment and target.suffix == ".html" and fragment not in ids_by_file.get(target, set()):
                problems.append(f"{where}: link {href!r} points at a missing anchor")
    assert problems == []


def test_no_raw_math_source_is_left_in_any_page(built_site):
    problems = []
    for page in built_site.html_files():
        visible = CODE_AND_ANNOTATIONS.sub("", page.read_text(encoding="utf-8"))
        for match in RAW_MATH.finditer(visible):
            context = visible[max(0, match.start() - 60) : match.end() + 60].replace("\n", " ")
            problems.append(f"{page.relative_to(built_site.path)}: {match.group(0)!r} in …{context}…")
    assert problems == []


def test_every_formula_of_a_page_is_typeset_once(built_site):
    from pages import DOCS

    source = (DOCS / "training" / "vanishing-exploding-gradients.md").read_text(encoding="utf-8")
    html = built_site.page("training/vanishing-exploding-gradients")
    display = len(re.findall(r"^```math\s*$", source, re.M))
    inline = len(re.findall(r"\$`[^`]+`\$", source))
    assert display >= 5 and inline >= 50
    assert html.count('class="katex-display"') == display
    assert html.count('<span class="katex">') == display + inline


def external_resources(site: Path) -> list[str]:
    problems = []
    for path in sorted(site.rglob("*")):
        where = path.relative_to(site)
        if path.suffix == ".html":
            scan = scan_html(path.read_text(encoding="utf-8"))
            urls = scan.resources + [url for css in scan.inline_css for url in css_urls(css)]
        elif path.suffix == ".css":
            urls = css_urls(path.read_text(encoding="utf-8"))
        elif path.suffix in {".js", ".mjs"}:
            urls = JS_REMOTE_LOAD.findall(path.read_text(encoding="utf-8", errors="replace"))
        else:
            continue
        problems += [f"{where}: {url}" for url in urls if is_absolute(url)]
    return problems


def test_no_page_loads_anything_from_another_host(built_site):
    assert external_resources(built_site.path) == []


def test_the_external_resource_scan_catches_each_kind_of_remote_load(tmp_path):
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="canonical" href="https://example.org/">'
        '<script src="//cdn.example.org/x.js"></script><img src="https://example.org/a.png">'
        '<a href="https://example.org/">an ordinary outbound link is fine</a>'
        '<div style="background:url(https://example.org/b.png)"></div>',
        encoding="utf-8",
    )
    (tmp_path / "style.css").write_text("@font-face{src:url(https://example.org/f.woff2)}", encoding="utf-8")
    (tmp_path / "app.js").write_text('import("https://cdnjs.example.org/mermaid.mjs")', encoding="utf-8")
    found = external_resources(tmp_path)
    assert len(found) == 6, found
    assert not any("canonical" in item or item.endswith("example.org/") for item in found)


def formulas_of(html: str) -> tuple[list[str], list[str]]:
    """(TeX sources, visible text of the KaTeX HTML) of every formula of a page."""
    elements = [html[start:end] for start, end in SEARCH_INDEX.unindexed_elements(html)]
    tex, visible = [], []
    for formula in (element for element in elements if element.startswith('<span class="katex')):
        tex += re.findall(r'<annotation encoding="application/x-tex">(.*?)</annotation>', formula, re.DOTALL)
        shown = formula.split('<span class="katex-html" aria-hidden="true">', 1)[-1]
        visible.append(re.sub(r"<[^>]+>", "", shown))
    return tex, visible


def normalise(text: str) -> str:
    return re.sub(r"[\s\u200b]+", "", text)


TEX_COMMAND = re.compile(
    r"\\(?:frac|tfrac|dfrac|mathbf|mathrm|mathbb|operatorname|partial|sum|prod|sqrt|lVert|rVert|top|odot|"
    r"nabla|sigma|theta|lambda|left|right|cdot|begin|end)\b"
)
MATH_SYMBOL = re.compile(r"[∂∏∑√‖∇⊙∈≤≥∞]")


def test_search_index_contains_no_formula_text(built_site):
    index = json.loads((built_site.path / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = normalise(" ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]))
    assert TEX_COMMAND.findall(indexed) == []  # no TeX source (KaTeX's hidden annotation)
    leaks = []
    for page in built_site.html_files():
        _, visible = formulas_of(page.read_text(encoding="utf-8"))
        for text in visible:  # no typeset formula text such as ∂L∂W1=∏kσ′(zk)Wk
            text = normalise(text)
            if len(text) >= 8 and MATH_SYMBOL.search(text) and text in indexed:
                leaks.append(f"{page.relative_to(built_site.path)}: {text[:60]}")
    assert leaks == []
    assert "annotation" not in indexed




def test_formula_extraction_sees_the_formulas_it_guards(built_site):
    tex_sources, visible = formulas_of(built_site.page("training/vanishing-exploding-gradients"))
    assert len(tex_sources) >= 60 and len(visible) >= 60


def test_katex_stylesheet_and_every_font_it_names_are_served_locally(built_site):
    css_path = built_site.path / "assets" / "katex" / "katex.min.css"
    css = css_path.read_text(encoding="utf-8")
    fonts = css_urls(css)
    assert len(fonts) >= 20
    missing = [url for url in fonts if not (css_path.parent / url).is_file()]
    assert missing == []
    html = built_site.page("training/vanishing-exploding-gradients")
    assert 'href="../../assets/katex/katex.min.css"' in html


@pytest.mark.parametrize("url_path", ["", "training/vanishing-exploding-gradients"])
def test_pages_are_chinese_and_described(built_site, url_path):
    html = built_site.page(url_path)
    assert '<html lang="zh"' in html
    assert re.search(r'<meta name="description" content="[^"]*[\u4e00-\u9fff]', html)


def test_every_image_has_descriptive_alt_text(built_site):
    import html as html_module

    problems = []
    for page in built_site.html_files():
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<img\b[^>]*>", text):
            alt = re.search(r'\balt="([^"]*)"', tag)
            if "twemoji" in tag or "md-logo" in tag:
                continue
            if alt is None or len(html_module.unescape(alt.group(1)).strip()) < 10:
                problems.append(f"{page.relative_to(built_site.path)}: {tag[:120]}")
    assert problems == []
