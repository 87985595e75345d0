"""Chinese-aware search: one question per result, no segmentation artefacts, abbreviations as synonyms.

Why this hook exists. Material's stock search segments Chinese with jieba at build time (inserting
U+200B between words, which leaks into copied result titles) and with a different segmenter in the
browser, so a term cut differently on the two sides is not found at all; Lunr then matches by prefix
only. The site instead ships docs/assets/javascripts/search-worker.js, a web worker that speaks
Material's search protocol (so the search box, result list and keyboard handling stay Material's) and
tokenises documents and queries with the same character-bigram function. This hook:

* turns off Material's build-time jieba segmentation (the worker does not need it, and it costs ~1 s);
* points Material's `__config.search` at the project's worker on every page;
* rewrites `search/search_index.json`: a question's 详解 / 常见误区 / 追问 sub-sections are merged into
  the question itself, so a result links to the question's anchor; each question carries its page's
  title as context; notebooks and the guide's link lists get a lower boost; abbreviations and English
  names from data/glossary.yaml are added as synonym groups (BN ↔ 批归一化 ↔ batch normalization);
* divides each page into index entries itself (see `page_entries`), in place of Material's per-page
  step, whose HTML parser walked every tag of every page (most of a warm rebuild) and whose regex for
  `data-search-*` attributes then ran over every page. Material's plugin still keeps the index and
  writes `search/search_index.json` (its `config`, and its incremental index under `mkdocs serve`).
"""

from __future__ import annotations

import json
import re
from html import escape, unescape
from pathlib import Path

from material.plugins.search import plugin as material_search
from mkdocs.exceptions import PluginError

WORKER = "assets/javascripts/search-worker.js"
STOCK_WORKER = re.compile(r'("search":\s*")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')
SUB_SECTIONS = ("-details", "-pitfalls", "-follow-ups")

_synonyms: list[list[str]] = []


def synonym_groups(entries: list[dict]) -> list[list[str]]:
    groups = []
    for entry in entries:
        group = [entry[key] for key in ("abbr", "zh", "en") if entry.get(key)]  # BN, 批归一化, Batch Normalization
        group += entry.get("aliases", [])
        if len(group) > 1:
            groups.append(group)
    return groups


def on_config(config):
    global _synonyms
    material_search.jieba = None
    search = config.plugins.get("material/search")
    if search is None:
        raise PluginError("search_index: Material's search plugin is missing from mkdocs.yml; the site's search UI needs it.")
    material_page_step = config.plugins.events["page_context"]
    if search.on_page_context in material_page_step:
        material_page_step.remove(search.on_page_context)  # on_page_context below does its work
    # data/glossary.yaml, already read and validated by hooks/glossary.py (listed before this hook)
    _synonyms = synonym_groups([entry for _, entry in config["extra"]["handbook"]["glossary_terms"]])
    return config


def on_files(files, config):
    # Without the worker the search box would silently fall back to nothing: fail instead.
    if files.get_file_from_path(WORKER) is None:
        raise PluginError(f"search_index: {WORKER} is missing from docs/; the site's search depends on it.")
    return files


def on_post_page(output, page, config):
    return STOCK_WORKER.sub(lambda m: f'{m.group(1)}{m.group(2)}{WORKER}"', output, count=1)


# Dividing a page into index entries. The rules are Material's (material/plugins/search/plugin.py, `Parser`
# and `SearchIndex.create_entry_for_section`): a section starts at each heading with an id and runs to the
# next one; text before the first section goes into an entry for the page itself, titled with the page
# title; a few tags are kept bare (`<p>`, `<code>`, ...), every other tag is dropped; the heading's
# permalink is not part of the title; scripts, styles and elements marked `data-search-exclude` are left
# out; frontmatter `search: exclude: true` leaves the whole page out and `search: boost:` and `tags:` are
# copied to each entry. Here they are applied with a few regular-expression passes over the page instead
# of an HTMLParser call per tag. Rendered formulas (KaTeX's HTML and its MathML, which carries the TeX
# source) are left out too: in the index they would only be noise such as `∂L∂W1=∏kσ′(zk)Wk\frac{...`.
# Two differences from Material's parser, neither visible to the search worker (which reads tags as
# spaces): text stays with the heading it follows even when that heading sits inside an element (each
# notebook cell is a <div>; Material gave a notebook's code cells to the page's own entry), and every
# empty kept element is dropped (Material drops only the first of each tag in a section).
SECTION_HEADING = re.compile(r'<(h[1-6])\b[^>]*?\sid="([^"]*)"[^>]*>(.*?)</\1>', re.DOTALL)
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
FORMULA_SCRIPT_OR_STYLE = re.compile(r'<(span) class="katex(?:-display)?">|<(script|style|object)\b')
MARKED_UNINDEXED = re.compile(r'<(\w+)\b[^>]*?\s(?:data-search-exclude\b|class="linenodiv")')
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
KEPT_TAG = re.compile(r"<(/?)(p|code|pre|li|ol|ul|sub|sup)\b[^>]*>")
OTHER_TAG = re.compile(r"<(?!/?(?:p|code|pre|li|ol|ul|sub|sup)\b)[^>]*>")
EMPTY_KEPT_ELEMENT = re.compile(r"<(p|code|pre|li|ol|ul|sub|sup)>\s*</\1>")  # e.g. a paragraph that held only a formula
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")  # as html.unescape
PRE_BLOCK = re.compile(r"(<pre>.*?</pre>)", re.DOTALL)
SPACES = re.compile(r"[ \t\n\r\f]+")


def _end_of_element(html: str, start: int, tag: str) -> int:
    """Index just past the end tag that closes the `tag` element whose start tag is at `start` (start tags
    counted as `<tag ` or `<tag>`, as generated HTML writes them)."""
    if tag in VOID_ELEMENTS:
        return html.index(">", start) + 1
    opening, closing = f"<{tag}", f"</{tag}>"
    depth, position = 0, start
    while True:
        close = html.find(closing, position)
        if close < 0:
            return len(html)
        depth += html.count(opening + " ", position, close) + html.count(opening + ">", position, close) - 1
        position = close + len(closing)
        if depth == 0:
            return position


def _nested_spans(levels: int) -> str:
    """A pattern for a <span> element with up to `levels` levels of <span>s inside (re has no recursion)."""
    element = r"<span\b[^>]*+>(?:[^<]++|<(?!/?span\b))*+</span>"
    for _ in range(levels):
        element = rf"<span\b[^>]*+>(?:[^<]++|<(?!/?span\b)|{element})*+</span>"
    return element


# A whole formula in one match, in C: counting its ~40 nested spans tag by tag in Python took 0.3 s a
# build. The site's deepest formula nests 36 levels; a deeper one is measured by _end_of_element.
FORMULA = re.compile(_nested_spans(63))


def unindexed_elements(html: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost formula, script, style, object or marked element of the page."""
    starts = [(match.start(), match.group(match.lastindex)) for match in FORMULA_SCRIPT_OR_STYLE.finditer(html)]
    if "data-search-exclude" in html or "linenodiv" in html:
        starts = sorted(starts + [(match.start(), match.group(1)) for match in MARKED_UNINDEXED.finditer(html)])
    spans: list[tuple[int, int]] = []
    for start, tag in starts:
        if spans and start < spans[-1][1]:  # inside an element already left out (.katex in .katex-display)
            continue
        formula = FORMULA.match(html, start) if tag == "span" else None
        spans.append((start, formula.end() if formula else _end_of_element(html, start, tag)))
    return spans


def _without(html: str, spans: list[tuple[int, int]]) -> str:
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(html[position:start])
        position = end
    pieces.append(html[position:])
    return "".join(pieces)


def _index_text(html: str) -> str:
    """The HTML as Material indexes it: kept tags bare, other tags dropped, whitespace collapsed but in `<pre>`."""
    text = EMPTY_KEPT_ELEMENT.sub("", KEPT_TAG.sub(r"<\1\2>", OTHER_TAG.sub("", html)))
    if "&" in text:
        text = CHARACTER_REFERENCE.sub(lambda match: escape(unescape(match.group(0)), quote=False), text)
    if "<pre>" not in text:
        return SPACES.sub(" ", text).strip()
    pieces = PRE_BLOCK.split(text)  # odd pieces are <pre> blocks, whose whitespace is kept
    return "".join(piece if index % 2 else SPACES.sub(" ", piece) for index, piece in enumerate(pieces)).strip()


def page_sections(html: str) -> list[tuple[str | None, str, str]]:
    """(anchor or None for the page itself, title, text) of each section of a page's HTML."""
    if not html:
        return []
    html = COMMENT.sub("", html)
    html = _without(html, unindexed_elements(html))
    headings = list(SECTION_HEADING.finditer(html))
    starts_with_h1 = bool(headings) and headings[0].start() == 0 and headings[0].group(1) == "h1"
    sections = []
    if not starts_with_h1:
        sections.append((None, "", _index_text(html[: headings[0].start() if headings else len(html)])))
    for number, heading in enumerate(headings):
        end = headings[number + 1].start() if number + 1 < len(headings) else len(html)
        anchor = None if number == 0 and starts_with_h1 else heading.group(2)
        title = _index_text(PERMALINK.sub("", heading.group(3)))
        sections.append((anchor, title, _index_text(html[heading.end() : end])))
    return sections


def page_entries(page) -> list[dict]:
    """The search index entries of a page, one per section."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return []
    entries = []
    for anchor, title, text in page_sections(page.content):
        entry = {
            "location": f"{page.url}#{anchor}" if anchor else page.url,
            "title": title or str(page.meta.get("title", page.title)),
            "text": text,
        }
        tags = page.meta.get("tags")
        if isinstance(tags, list):
            entry["tags"] = [str(name) for name in tags if name and isinstance(name, (str, int, float, bool))]
        if "boost" in search:
            entry["boost"] = search["boost"]
        entries.append(entry)
    return entries


DATA_SEARCH_ATTRIBUTE = re.compile(r'\s?data-search-\w+="[^"]+"')  # Material drops these from the page
VALUED_DATA_SEARCH_ATTRIBUTE = re.compile(r'data-search-\w+="')


def on_page_context(context, page, config, nav):
    config.plugins["material/search"].search_index.entries += page_entries(page)
    # Checked with a pattern that starts with a literal (fast); the site's own `data-search-exclude` has no value.
    if VALUED_DATA_SEARCH_ATTRIBUTE.search(page.content):
        page.content = DATA_SEARCH_ATTRIBUTE.sub("", page.content)
    return context


def merge_sub_sections(docs: list[dict]) -> list[dict]:
    """Fold each question's standard sub-sections into the question's own entry."""
    by_location = {doc["location"]: doc for doc in docs}
    merged = []
    for doc in docs:
        location = doc["location"]
        parent_location = next((location[: -len(s)] for s in SUB_SECTIONS if location.endswith(s)), None)
        parent = by_location.get(parent_location) if parent_location else None
        if parent is None:
            merged.append(doc)
            continue
        parent["text"] = f"{parent['text']} <p><strong>{doc['title']}</strong></p> {doc['text']}".strip()
    return merged


# Notebooks and the study guide's link lists mention everything; a question that answers the query
# should come before them.
LOW_BOOST_PREFIXES = ("notebooks/", "guide/")


def rewrite_index(index: dict) -> dict:
    page_titles = {}
    for doc in index["docs"]:
        doc["title"] = doc["title"].replace("\u200b", "")
        doc["text"] = doc["text"].replace("\u200b", "")
        page, _, anchor = doc["location"].partition("#")
        if not anchor:
            page_titles[page] = doc["title"]
        elif page in page_titles:
            doc["context"] = page_titles[page]  # the page a question is on, e.g. 优化器
        if doc["location"].startswith(LOW_BOOST_PREFIXES):
            doc["boost"] = 0.5
    index["docs"] = merge_sub_sections(index["docs"])
    index["config"]["synonyms"] = _synonyms
    return index


def on_post_build(config):
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = rewrite_index(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
