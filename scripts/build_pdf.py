"""Build the whole handbook as one PDF from the built site, with headless Chromium. Runs offline.

Every page of the navigation is taken from the built site (so formulas, figures and notebook outputs are
exactly what readers see), with the site's stylesheets and print.js, i.e. as the browser prints it for a
reader's Ctrl+P. Chromium prints each page on its own, two or more at a time (printing one long document
costs more than linear time), then scripts/pdf_assemble.py joins the parts behind a cover and a table of
contents with page numbers, lays the page numbers over the pages, turns links between pages into links
inside the PDF and adds bookmarks down to each question. Each printed page carries its section and title in
its running header. Text is set in TrueType copies of Noto Sans CJK SC (scripts/pdf_fonts.py explains why).

The build fails, naming the page, if a page is missing from the site or anything on it fails to load; it
warns, naming the page and the element, if anything is wider than the paper (Chromium would shrink that
page to fit).

Usage: python scripts/build_pdf.py [SITE_DIR] [OUTPUT] [--config mkdocs.yml] [--jobs N]
       (defaults: site, SITE_DIR/handbook.pdf, the project's mkdocs.yml, one job per CPU core)
"""

from __future__ import annotations

import argparse
import asyncio
import html as html_module
import os
import posixpath
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

from browser import CHROMIUM_ARGS, LocalServer, chromium_path  # noqa: E402
from pages import load_config  # noqa: E402
from pdf_assemble import LINK_SCHEME, AssemblyError, Bookmark, Part, assemble, content_destinations  # noqa: E402
from pdf_fonts import FontError, fontconfig_file  # noqa: E402

PDF_NAME = "handbook.pdf"
CONTENT_WIDTH_PX = 680  # the 180 mm wide content box of handbook.css's @page, in CSS pixels
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.DOTALL)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
ID_ATTRIBUTE = re.compile(r'\bid="([^"]*)"')
URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
H2 = re.compile(r'<h2\b([^>]*)>(.*?)</h2>', re.DOTALL)
HIDDEN_TEXT = re.compile(r'<span class="katex-mathml">.*?</math></span>|<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
SVG_TEXT = re.compile(r"<(?:text|tspan)\b[^>]*>([^<]*)<")


class PdfBuildError(Exception):
    pass


@dataclass
class SitePage:
    section: str | None  # the navigation section it belongs to; None for a top-level page
    title: str
    url: str  # site-relative directory URL, "" for the home page
    key: str = ""
    body: str = ""  # the article, ids namespaced and links pointed into the PDF
    stylesheets: list[str] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)  # (destination, text) of each ## heading
    questions: int = 0  # how many of them are questions (they carry difficulty and frequency tags)

    @property
    def header(self) -> str:
        return f"{self.section} · {self.title}" if self.section else self.title


def nav_sections(config: dict) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """[(section title, [(page title, source path)])] in navigation order; a top-level page forms a
    section of its own, titled None."""
    sections = []
    for item in config["nav"]:
        (title, value), = item.items()
        if isinstance(value, list):
            sections.append((title, [next(iter(entry.items())) for entry in value]))
        else:
            sections.append((None, [(title, value)]))
    return sections


def page_url(source: str) -> str:
    """Site-relative directory URL of a page built from `source` (e.g. training/optimizers/)."""
    stem = re.sub(r"\.(md|ipynb)$", "", source)
    if stem == "index":
        return ""
    return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"


def page_key(url: str) -> str:
    return "page-" + (url.strip("/").replace("/", "-") or "home")


def plain_text(html: str) -> str:
    """Visible text of an HTML fragment (KaTeX's hidden MathML and heading permalinks left out)."""
    text = TAG.sub("", HIDDEN_TEXT.sub("", html))
    return re.sub(r"\s+", " ", html_module.unescape(text).replace("\u200b", "")).strip()


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", " ") + '"'


def rewrite_page(html: str, url: str, keys: dict[str, str], site_url: str) -> str:
    """Namespace the ids of one page and point its links into the PDF (LINK_SCHEME) or, for files that are
    not pages, at the published site; resources are loaded from the site (served at ../site/)."""
    key = keys[url]
    html = ID_ATTRIBUTE.sub(lambda m: f'id="{key}--{m.group(1)}"', html)
    html = html.replace(' loading="lazy"', "")  # every image loads before the page counts as loaded

    def rewrite_url(match: re.Match) -> str:
        attribute, value = match.groups()
        if value.startswith(("http:", "https:", "mailto:", "data:", "//")):
            return match.group(0)
        path, fragment = urldefrag(value)
        if not path:
            return f'{attribute}="{LINK_SCHEME}{key}--{fragment}"' if fragment else match.group(0)
        target = posixpath.normpath(posixpath.join(url, unquote(path)))
        target = "" if target == "." else target
        page = target.removesuffix("index.html").rstrip("/")
        page = page + "/" if page else ""
        if attribute == "href" and page in keys:
            return f'href="{LINK_SCHEME}{keys[page]}--{fragment}"' if fragment else f'href="{LINK_SCHEME}{keys[page]}"'
        if attribute == "href":
            return f'href="{escape(urljoin(site_url, target))}"'
        return f'{attribute}="../site/{target}"'

    return URL_ATTRIBUTE.sub(rewrite_url, html)


def read_pages(site: Path, config: dict) -> list[SitePage]:
    pages = [SitePage(section, title, page_url(source)) for section, entries in nav_sections(config)
             for title, source in entries]
    keys = {page.url: page_key(page.url) for page in pages}
    missing = []
    for page in pages:
        page.key = keys[page.url]
        file = site / page.url / "index.html"
        text = file.read_text(encoding="utf-8") if file.is_file() else ""
        article = ARTICLE.search(text)
        if article is None:
            missing.append(f"{page.url or '/'} ({page.title})" + ("" if not text else ": no article content"))
            continue
        canonical = CANONICAL.search(text)
        site_url = urljoin(canonical.group(1), "../" * page.url.count("/")) if canonical else ""
        page.body = rewrite_page(article.group(1), page.url, keys, site_url)
        page.stylesheets = [posixpath.normpath(posixpath.join(page.url, href)) for href in STYLESHEET.findall(text)]
        for attributes, title in H2.findall(article.group(1)):
            anchor = ID_ATTRIBUTE.search(attributes)
            if anchor:
                page.headings.append((f"{page.key}--{anchor.group(1)}", plain_text(title)))
            page.questions += "data-difficulty=" in attributes
    if missing:
        raise PdfBuildError("these pages are missing from the built site: " + ", ".join(missing))
    return pages


PAGE_DOCUMENT = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{title}</title>
{stylesheets}
<style>
  body {{ margin: 0; }}
{extra_css}
</style>
<script src="../site/assets/javascripts/print.js"></script>
</head><body><div class="md-typeset">
{body}
<nav hidden>{destinations}</nav>
</div></body></html>"""

FRONT_CSS = """
  @page { @top-center { content: none; } @bottom-right { content: none; } }
  .pdf-cover { height: 230mm; display: flex; flex-direction: column; justify-content: center; text-align: center; }
  .pdf-cover h1 { font-size: 2.6em; margin: 0 0 0.6em; font-weight: 700; color: #000; }
  .pdf-cover p { margin: 0.3em 0; color: #333; }
  .pdf-cover a::after { content: none !important; }
  .pdf-toc { break-before: page; }
  .pdf-toc h1 { font-weight: 700; color: #000; }
  .pdf-toc h2 { margin: 1.2em 0 0.3em; font-size: 1.1em; font-weight: 700; break-after: avoid; }
  .pdf-toc a { display: flex; align-items: baseline; gap: 0.4em; color: #000 !important; }
  .pdf-toc a { text-decoration: none !important; }
  .pdf-toc a .title { flex: 0 1 auto; }
  .pdf-toc a .leader { flex: 1 1 2em; border-bottom: 1px dotted #999; }
  .pdf-toc a .number { flex: none; min-width: 2em; text-align: right; }
  .pdf-toc .page { margin: 0.35em 0 0.1em; font-weight: 700; break-after: avoid; }
  .pdf-toc .question { margin-left: 1.5em; font-size: 0.85em; line-height: 1.45; color: #333; }
"""

NUMBERS_CSS = """
  @page { @top-center { content: none; } }
  html, body, .md-typeset { background: none !important; }
  .sheet { height: 1px; break-after: page; }
  .sheet:last-child { break-after: auto; }
"""


def document(title: str, stylesheets: list[str], body: str, header: str = "", extra_css: str = "",
             destinations: list[str] = ()) -> str:
    return PAGE_DOCUMENT.format(
        title=escape(title),
        stylesheets="\n".join(f'<link rel="stylesheet" href="../site/{escape(href)}">' for href in stylesheets),
        extra_css=(f"  @page {{ @top-center {{ content: {css_string(header)}; }} @bottom-right {{ content: none; }} }}"
                   if header else "") + extra_css,
        body=body,
        destinations="".join(f'<a href="#{escape(name)}"></a>' for name in destinations),
    )


def page_documents(pages: list[SitePage]) -> dict[str, str]:
    """{key: print document} of every page. Each document also links (invisibly) to its page's top, its
    questions and every element that a link anywhere in the handbook points at, so that Chromium writes a
    named destination for each."""
    targets = {target for page in pages for target in re.findall(rf'href="{LINK_SCHEME}([^"]+)"', page.body)}
    documents = {}
    for page in pages:
        ids = set(ID_ATTRIBUTE.findall(page.body))
        names = [page.key] + [name for name, _ in page.headings] + sorted((ids & targets) - {page.key})
        body = f'<section class="pdf-page" id="{page.key}">{page.body}</section>'
        documents[page.key] = document(page.title, page.stylesheets, body, page.header, destinations=names)
    return documents


def front_document(config: dict, pages: list[SitePage], numbers: dict[str, int], total: int,
                   stylesheets: list[str]) -> str:
    """The cover and the table of contents (sections, pages and questions, with printed page numbers)."""

    def entry(css_class: str, name: str, title: str) -> str:
        return (f'<div class="{css_class}"><a href="{LINK_SCHEME}{name}"><span class="title">{escape(title)}</span>'
                f'<span class="leader"></span><span class="number">{numbers[name]}</span></a></div>')

    toc, section = [], None
    for page in pages:
        if page.section != section and page.section:
            toc.append(f"<h2>{escape(page.section)}</h2>")
        section = page.section
        toc.append(entry("page", page.key, page.title))
        toc += [entry("question", name, title) for name, title in page.headings]
    questions = sum(page.questions for page in pages)
    site_url = os.environ.get("SITE_URL", "")  # the deploy workflow's address of the published site
    online = f'<p>在线版：<a href="{escape(site_url)}">{escape(site_url)}</a></p>' if site_url.startswith("http") else ""
    body = f"""<div class="pdf-cover"><h1>{escape(config["site_name"])}</h1>
<p>{escape(config.get("site_description", ""))}</p>
<p>{len(pages)} 个主题 · {questions} 道面试题 · {total} 页</p>
<p>{date.today():%Y 年 %m 月 %d 日}版</p>{online}</div>
<nav class="pdf-toc"><h1 id="pdf-toc">目录</h1>{"".join(toc)}</nav>"""
    return document(config["site_name"], stylesheets, body, extra_css=FRONT_CSS, destinations=["pdf-toc"])


def numbers_document(count: int, stylesheets: list[str]) -> str:
    """`count` empty pages that show only their page number (handbook.css's @page footer)."""
    return document("page numbers", stylesheets, '<div class="sheet"></div>' * count, extra_css=NUMBERS_CSS)


# Elements wider than the paper, measured in the print layout (a few pixels are tolerated: KaTeX's struts
# stick out of a formula that ends a line by 2px, which nobody can see).
OVERFLOW = """() => {
  window.dispatchEvent(new Event('beforeprint'));
  const width = document.documentElement.clientWidth + 4;
  if (document.documentElement.scrollWidth <= width) return [];
  const found = [];
  for (const element of document.querySelectorAll('.md-typeset *')) {
    if (element.closest('svg, .katex-mathml, [hidden]')) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= width || element.parentElement.getBoundingClientRect().right > width) continue;
    const text = element.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60);
    found.push(`<${element.tagName.toLowerCase()}> ${Math.round(box.right - width)}px wider than the paper: ${text}`);
  }
  return found.length ? found : [`${document.documentElement.scrollWidth - width}px wider than the paper`];
}"""
FONTS_LOADED = "document.fonts.ready.then(() => true)"  # including those the print layout asked for


async def print_all(server_url: str, documents: list[tuple[str, str]], jobs: int, fontconfig: Path,
                    warnings: list[str]) -> list[bytes]:
    """Print `documents` ([(label, URL path)]) with `jobs` Chromium pages at a time; [PDF bytes] in order.
    Anything that fails to load, a script error or a request to another host fails the build."""
    from playwright.async_api import async_playwright

    queue = list(enumerate(documents))
    results: list[bytes | None] = [None] * len(documents)
    errors: list[str] = []

    async def worker(browser) -> None:
        context = await browser.new_context(viewport={"width": CONTENT_WIDTH_PX, "height": 1000})
        page = await context.new_page()
        await page.emulate_media(media="print")
        problems: list[str] = []
        page.on("requestfailed", lambda request: problems.append(f"failed to load {request.url}"))
        page.on("response", lambda response: response.status >= 400
                and problems.append(f"{response.status} {response.url}"))
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.on("request", lambda request: request.url.startswith(("data:", "blob:", "about:", server_url))
                or problems.append(f"loads from another host: {request.url}"))
        try:
            while queue and not errors:
                index, (label, path) = queue.pop(0)
                problems.clear()
                try:
                    await page.goto(server_url + path, wait_until="load", timeout=120_000)
                    await page.evaluate(FONTS_LOADED)
                except Exception as error:  # noqa: BLE001 - report whatever stopped the page, naming it
                    problems.append(str(error).splitlines()[0])
                if problems:
                    errors.append(f"{label}: " + "; ".join(problems))
                    break
                warnings.extend(f"{label}: {problem}" for problem in await page.evaluate(OVERFLOW))
                await page.evaluate(FONTS_LOADED)
                results[index] = await page.pdf(print_background=True, prefer_css_page_size=True)
        finally:
            await context.close()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, env=dict(os.environ, FONTCONFIG_FILE=str(fontconfig)),
        )
        await asyncio.gather(*(worker(browser) for _ in range(max(1, min(jobs, len(documents))))))
        await browser.close()
    if errors:
        raise PdfBuildError("these pages did not render cleanly:\n" + "\n".join(errors))
    return results


def bookmarks(pages: list[SitePage]) -> list[Bookmark]:
    """目录, then the navigation: sections, their pages, and each page's questions."""
    result = [Bookmark("目录", "pdf-toc")]
    sections: dict[str, Bookmark] = {}
    for page in pages:
        item = Bookmark(page.title, page.key, [Bookmark(title, name) for name, title in page.headings])
        if page.section is None:
            result.append(item)
            continue
        if page.section not in sections:
            sections[page.section] = Bookmark(page.section, page.key, open=True)
            result.append(sections[page.section])
        sections[page.section].children.append(item)
    return result


def build_pdf(site: Path, output: Path, config_path: Path | None = None, jobs: int | None = None) -> dict:
    start = time.perf_counter()
    config = load_config(config_path)
    pages = read_pages(site, config)
    documents = page_documents(pages)
    home_styles = pages[0].stylesheets
    timings = {}
    with tempfile.TemporaryDirectory(prefix="handbook-pdf-") as work_dir:
        work = Path(work_dir)
        (work / "site").symlink_to(site.resolve(), target_is_directory=True)
        (work / "print").mkdir()
        for key, text in documents.items():
            (work / "print" / f"{key}.html").write_text(text, encoding="utf-8")
        svg_texts = [" ".join(SVG_TEXT.findall(svg.read_text(encoding="utf-8", errors="replace")))
                     for svg in site.rglob("*.svg")]
        front_text = front_document(config, pages, defaultdict(int), 0, home_styles)
        try:
            fontconfig = fontconfig_file([plain_text(text) for text in [*documents.values(), front_text]]
                                         + [page.header for page in pages] + svg_texts, work)
        except FontError as error:
            raise PdfBuildError(str(error)) from error
        timings["fonts"] = time.perf_counter() - start
        jobs = jobs or os.cpu_count() or 1
        with LocalServer(work) as server:
            labels = [(f"{page.url or '/'} ({page.title})", f"print/{page.key}.html") for page in pages]
            warnings: list[str] = []
            printed = asyncio.run(print_all(server.url, labels, jobs, fontconfig, warnings))
            parts = [Part.read(label, data) for (label, _), data in zip(labels, printed)]
            timings["pages"] = time.perf_counter() - start - timings["fonts"]
            numbers = content_destinations(parts)
            total = sum(map(len, parts))
            (work / "print" / "front.html").write_text(
                front_document(config, pages, numbers, total, home_styles), encoding="utf-8")
            (work / "print" / "numbers.html").write_text(numbers_document(total, home_styles), encoding="utf-8")
            front, sheet = asyncio.run(print_all(
                server.url, [("cover and contents", "print/front.html"), ("page numbers", "print/numbers.html")],
                jobs, fontconfig, warnings))
        assembled = time.perf_counter()
        metadata = {"/Title": config["site_name"], "/Author": config.get("site_author", ""),
                    "/Subject": config.get("site_description", ""), "/Creator": "scripts/build_pdf.py (Chromium)"}
        try:
            writer, link_warnings = assemble(Part.read("front", front), parts, Part.read("numbers", sheet),
                                             bookmarks(pages), metadata)
        except AssemblyError as error:
            raise PdfBuildError(str(error)) from error
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".part")  # never leave half a PDF where the whole one goes
        with partial.open("wb") as file:
            writer.write(file)
        partial.replace(output)
        timings["assembly"] = time.perf_counter() - assembled
    return {"site pages": len(pages), "pdf pages": len(writer.pages), "bytes": output.stat().st_size,
            "seconds": time.perf_counter() - start, "timings": timings, "warnings": warnings + link_warnings}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("output", nargs="?", type=Path)
    parser.add_argument("--config", type=Path, help="mkdocs.yml whose nav to follow (default: the project's)")
    parser.add_argument("--jobs", type=int, help="pages printed at a time (default: one per CPU core)")
    args = parser.parse_args()
    output = args.output or args.site / PDF_NAME
    try:
        stats = build_pdf(args.site, output, args.config, args.jobs)
    except PdfBuildError as error:
        print(f"build_pdf: {error}", file=sys.stderr)
        return 1
    for warning in stats["warnings"]:
        print(f"build_pdf: warning: {warning}", file=sys.stderr)
    timings = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in stats["timings"].items())
    print(f"{output}: {stats['site pages']} site pages, {stats['pdf pages']} PDF pages, "
          f"{stats['bytes'] / 2**20:.1f} MiB, {stats['seconds']:.1f} s ({timings})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
