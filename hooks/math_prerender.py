"""Render every formula of a page with KaTeX before Markdown runs: fast, cached, and loud on errors.

Why this hook exists. markdown-katex (the site's math extension) renders each formula by starting its
bundled KaTeX binary, about 0.1 s a formula; when no `katex` command is on PATH it first probes
`npx --no-install katex` for every formula (about 1 s each wherever npx exists); it keeps its cache in
the system temp folder and deletes entries older than 24 hours; and a LaTeX error surfaces as a bare
traceback that does not say which page or line holds the formula.

What it does:
* pins markdown-katex to its bundled binary, so no PATH or npx probing happens;
* moves markdown-katex's render cache to `.cache/katex/<renderer version>/` in the project, with no
  expiry, so repeated builds reuse it (delete the folder to reset it, e.g. after changing KaTeX macros);
* before each page is converted, finds the page's formulas with markdown-katex's own parser, renders the
  cache misses in one Node.js process with the same KaTeX version (hooks/katex/render.cjs, which builds
  options exactly as KaTeX's command-line tool does, so the HTML is byte-identical), and stores them
  where markdown-katex looks them up;
* does the same for `$...$` / `$$...$$` in the markdown cells of notebook pages, which mkdocs-jupyter
  leaves for MathJax (not loaded by this site);
* fails the build on a LaTeX error with the file, the line (or notebook cell) and KaTeX's message;
* remembers each page's rendered formulas in one file (`.cache/katex/<version>/pages/`), so an unchanged
  page needs neither a parse for formulas nor a cache file read per formula (10,000 files a build);
* hands the page's rendered formulas to markdown-katex, which otherwise looks each one up in its cache
  again (hashing it, globbing for its binary, touching and reading the file);
* puts the rendered formulas back into the page in one pass (markdown-katex rescans the whole page for
  every formula, quadratic in formulas per page).
"""

from __future__ import annotations

import hashlib
import html as html_module
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from markdown_katex import extension as katex_extension
from markdown_katex import wrapper as katex_wrapper
from mkdocs.exceptions import PluginError

HOOK_DIR = Path(__file__).resolve().parent
RENDER_SCRIPT = HOOK_DIR / "katex" / "render.cjs"
PROJECT_DIR = HOOK_DIR.parent
KATEX_PACKAGE_DIR = PROJECT_DIR / "node_modules" / "katex"
# Versioned by the renderer's own source, so a change to how formulas are rendered never reuses old HTML.
CACHE_DIR = PROJECT_DIR / ".cache" / "katex" / hashlib.sha256(RENDER_SCRIPT.read_bytes()).hexdigest()[:12]
PAGE_CACHE_DIR = CACHE_DIR / "pages"  # one file per page: the digest of its Markdown and its formulas

_collector: KatexCollector | None = None
_markdown_katex_tex2html = katex_wrapper.tex2html
_page_formulas: dict[tuple[str, tuple], str] = {}  # (tex, options) -> HTML, for the page being converted


class KatexCollector:
    """Runs markdown-katex's preprocessor with rendering replaced by a recorder of (tex, options)."""

    def __init__(self, extension_config: dict):
        self.extension = katex_extension.KatexExtension(**extension_config)
        self.preprocessor = katex_extension.KatexPreprocessor(None, self.extension)

    def formulas(self, markdown: str) -> list[tuple[str, dict]]:
        found: list[tuple[str, dict]] = []

        def record(tex, options=None):
            found.append((tex, dict(options or {})))
            return ""

        real_tex2html = katex_wrapper.tex2html
        katex_wrapper.tex2html = record
        try:
            list(self.preprocessor.run(markdown.split("\n")))
        finally:
            katex_wrapper.tex2html = real_tex2html
        return found


MARKER = re.compile(r"(<p>)?(tmp_(?:block|inline)_md_katex_[0-9a-f]{32})(</p>)?")


def _put_back_rendered_formulas(self, text: str) -> str:
    """markdown-katex's postprocessor, in one pass: the original scans the page once per formula."""
    math_html = self.ext.math_html

    def replace(match: re.Match) -> str:
        html = math_html.get(match.group(2))
        if html is None:
            return match.group(0)
        if match.group(2).startswith("tmp_block") and match.group(1) and match.group(3):
            return html  # a display formula's own <p> wrapper is already part of its HTML
        return (match.group(1) or "") + html + (match.group(3) or "")

    return MARKER.sub(replace, text) if math_html else text


def _use_bundled_binary_and_project_cache() -> None:
    katex_wrapper._get_usr_parts = lambda: None  # never probe PATH or npx: always the bundled binary
    bundled_binary = str(katex_wrapper._get_pkg_bin_path())
    katex_wrapper.get_bin_cmd = lambda: [bundled_binary]  # found once, not by a directory glob per formula
    katex_wrapper._cleanup_cache_dir = lambda: None  # no 24-hour expiry
    katex_extension.KatexPostprocessor.run = _put_back_rendered_formulas
    katex_wrapper.CACHE_DIR = CACHE_DIR
    katex_wrapper.LOCAL_CMD_CACHE = CACHE_DIR / "local_katex_cmd.txt"
    CACHE_DIR.mkdir(parents=True, exist_ok=True)


def on_config(config):
    global _collector
    if shutil.which("node") is None:
        raise PluginError("math_prerender: Node.js is required to render formulas (install Node.js 18 or newer).")
    if not (KATEX_PACKAGE_DIR / "package.json").is_file():
        raise PluginError(f"math_prerender: {KATEX_PACKAGE_DIR} is missing; run `npm ci` (or `make setup`).")
    _use_bundled_binary_and_project_cache()
    katex_wrapper.tex2html = _prerendered_tex2html
    _collector = KatexCollector(config["mdx_configs"].get("markdown_katex", {}))
    return config


def _formula_key(tex: str, options: dict | None) -> tuple[str, tuple]:
    return tex, tuple(sorted((options or {}).items()))


def _prerendered_tex2html(tex, options=None):
    """markdown-katex's tex2html, answered from the formulas on_page_markdown has just rendered."""
    html = _page_formulas.get(_formula_key(tex, options))
    return html if html is not None else _markdown_katex_tex2html(tex, options)


def _cache_file(tex: str, options: dict) -> tuple[Path, list[str]]:
    cmd_parts = list(katex_wrapper._iter_cmd_parts(options))
    digest = katex_wrapper._cmd_digest(tex, cmd_parts)
    return CACHE_DIR / f"{digest}.html", cmd_parts[1:]


def render_batch(requests: list[dict]) -> list[dict]:
    """Render [{"args": [...], "tex": "..."}] in one Node.js process; returns [{"html"} | {"error"}]."""
    proc = subprocess.run(
        ["node", str(RENDER_SCRIPT), str(KATEX_PACKAGE_DIR)],
        input=json.dumps(requests).encode("utf-8"),
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        raise PluginError(f"math_prerender: the KaTeX batch renderer failed:\n{proc.stderr.decode('utf-8', 'replace')}")
    return json.loads(proc.stdout)


def _line_of(tex: str, source: str) -> int:
    """1-based line in the page source where the formula starts (0 when it cannot be found)."""
    first_line = next((line.strip() for line in tex.splitlines() if line.strip()), tex.strip())
    index = source.find(first_line)
    return source.count("\n", 0, index) + 1 if index >= 0 else 0


def render_cached(formulas: list[tuple[str, dict]]) -> list[dict]:
    """{"html": ...} or {"error": ...} for each (tex, options); cache misses are rendered in one batch."""
    keyed = [_cache_file(tex, options) for tex, options in formulas]
    misses = {cache_file: (tex, args) for (tex, _), (cache_file, args) in zip(formulas, keyed) if not cache_file.exists()}
    errors: dict[Path, str] = {}
    if misses:
        results = render_batch([{"args": args, "tex": tex} for tex, args in misses.values()])
        for cache_file, result in zip(misses, results):
            if "error" in result:
                errors[cache_file] = result["error"]
                continue
            _write_atomically(cache_file, result["html"])
    return [
        {"error": errors[cache_file]} if cache_file in errors else {"html": cache_file.read_text(encoding="utf-8").strip()}
        for cache_file, _ in keyed
    ]


def _location(config, page) -> str:
    return Path(config["docs_dir"]).name + "/" + page.file.src_uri


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _page_formulas_rendered(markdown: str, page, config) -> list[list]:
    """[[tex, options, html], ...] for every formula of the page; fails the build on a LaTeX error."""
    source = page.file.abs_src_path or f"{config['docs_dir']}/{page.file.src_uri}"  # generated pages have no file
    page_file = PAGE_CACHE_DIR / f"{hashlib.sha256(source.encode('utf-8')).hexdigest()}.json"
    digest = hashlib.sha256(json.dumps([_collector.extension.options, markdown]).encode("utf-8")).hexdigest()
    if page_file.exists():
        cached = json.loads(page_file.read_text(encoding="utf-8"))
        if cached["markdown"] == digest:
            return cached["formulas"]
    formulas = _collector.formulas(markdown)
    results = render_cached(formulas)
    errors = [
        f"{_location(config, page)}:{_line_of(tex, page.file.content_string)}: LaTeX error: {result['error']}"
        for (tex, _), result in zip(formulas, results)
        if "error" in result
    ]
    if errors:
        raise PluginError("\n".join(errors))
    rendered = [[tex, options, result["html"]] for (tex, options), result in zip(formulas, results)]
    PAGE_CACHE_DIR.mkdir(parents=True, exist_ok=True)
    _write_atomically(page_file, json.dumps({"markdown": digest, "formulas": rendered}, ensure_ascii=False))
    return rendered


def on_page_markdown(markdown, page, config, files):
    if not page.file.src_uri.endswith(".md"):
        return markdown
    _page_formulas.clear()
    _page_formulas.update((_formula_key(tex, options), html) for tex, options, html in _page_formulas_rendered(markdown, page, config))
    return markdown


# Notebook pages: mkdocs-jupyter leaves `$...$` and `$$...$$` of markdown cells as raw text for MathJax,
# which the site does not load. Render them here, like the Markdown pages' formulas.
NOTEBOOK_CELL = re.compile(r'<div class="jp-Cell (?P<kind>jp-\w+Cell)[^"]*" id="cell-id=(?P<id>[^"]+)">')
MARKDOWN_MATH = re.compile(r"\$\$(?P<display>.+?)\$\$|(?<![\\$])\$(?P<inline>[^$\n]+?)\$", re.DOTALL)
CODE_ELEMENT = re.compile(r"<(code|pre)\b.*?</\1>", re.DOTALL)


def _notebook_cell_numbers(page) -> dict[str, int]:
    notebook = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))
    return {cell.get("id", ""): number for number, cell in enumerate(notebook["cells"], start=1)}


def _math_spans(html: str):
    """(start, end, tex, display) of each formula in markdown-cell text, skipping code."""
    cells = list(NOTEBOOK_CELL.finditer(html))
    for index, cell in enumerate(cells):
        if cell["kind"] != "jp-MarkdownCell":
            continue
        start, end = cell.end(), cells[index + 1].start() if index + 1 < len(cells) else len(html)
        segment = html[start:end]
        code_spans = [match.span() for match in CODE_ELEMENT.finditer(segment)]
        for match in MARKDOWN_MATH.finditer(segment):
            if any(a <= match.start() < b for a, b in code_spans):
                continue
            display = match["display"] is not None
            tex = html_module.unescape(match["display"] if display else match["inline"])
            yield start + match.start(), start + match.end(), tex, display, cell["id"]


def on_page_content(html, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    spans = list(_math_spans(html))
    base = {key: value for key, value in _collector.extension.options.items() if key not in ("no_inline_svg", "insert_fonts_css")}
    formulas = [(tex, {"display-mode": True, **base} if display else dict(base)) for _, _, tex, display, _ in spans]
    results = render_cached(formulas)
    cell_numbers = _notebook_cell_numbers(page)
    errors = [
        f"{_location(config, page)}: cell {cell_numbers.get(cell_id, '?')}: LaTeX error: {result['error']}"
        for (_, _, _, _, cell_id), result in zip(spans, results) if "error" in result
    ]
    if errors:
        raise PluginError("\n".join(errors))
    for (start, end, _, display, _), result in reversed(list(zip(spans, results))):
        html = html[:start] + result["html"] + html[end:]
    return html
