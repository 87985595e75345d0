"""Give every question a stable English anchor, and fail the build on headings that would get a bad one.

Why this hook exists. Readers, bookmarks, cross-links, search results and progress marks all point at
question anchors, so an anchor must be explicit, readable and never change. Left alone, Python-Markdown
derives anchors from heading text and numbers repeats (`详解_1`, `_2`), which break as soon as a heading
is added above. For every `.md` page this hook:

* requires an explicit `{#kebab-case-id}` on every heading that asks a question (ends in ？ or ?) and on
  every `##` heading of a page that answers inventory questions (has `covers`);
* requires each explicit id to be lowercase kebab-case and unique across the whole site;
* gives the standard parts of a question block stable ids derived from the question's id
  (`### 详解` -> `#<question>-details`, `### 常见误区` -> `-pitfalls`, `### 追问` -> `-follow-ups`);
* requires `difficulty=` and `frequency=` on every question heading (`##`/`###` ending in ？), checks
  them against `extra.handbook` and publishes them as `data-difficulty` / `data-frequency` (the
  question index, the tags beside each question and self-test mode are built on them);
* after conversion, rejects any heading whose anchor still ends in a counter such as `_2`.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

HEADING = re.compile(r"^(?P<hashes>#{2,6})[ \t]+(?P<text>.*?)(?:[ \t]*\{(?P<attrs>[^{}]*)\})?[ \t]*$")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
KEBAB_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COUNTED_ANCHOR = re.compile(r'<h[1-6][^>]*\bid="(?P<id>(?:[^"]*_)?\d+)"[^>]*>(?P<text>.*?)</h[1-6]>')
STANDARD_PARTS = {"详解": "details", "常见误区": "pitfalls", "追问": "follow-ups"}
TAG_ATTRIBUTES = {"difficulty": "difficulty", "frequency": "frequency"}

_anchor_owner: dict[str, str] = {}


def on_pre_build(config):
    _anchor_owner.clear()


def _location(config, page, line_number: int | None = None) -> str:
    where = Path(config["docs_dir"]).name + "/" + page.file.src_uri
    return f"{where}:{line_number}" if line_number else where


def _rewrite_attrs(attrs: str, where: str, config) -> tuple[str | None, str]:
    """Return (explicit id or None, attribute string with difficulty/frequency turned into data-*)."""
    handbook = config["extra"]["handbook"]
    anchor = None
    parts = []
    for token in attrs.split():
        if token.startswith("#"):
            anchor = token[1:]
            parts.append(token)
            continue
        key, _, value = token.partition("=")
        if key in TAG_ATTRIBUTES:
            value = value.strip("\"'")
            allowed = handbook[TAG_ATTRIBUTES[key]]
            if value not in allowed:
                raise PluginError(f"{where}: heading attribute {key}={value!r} is not one of {', '.join(allowed)}.")
            parts.append(f'data-{key}="{value}"')
        else:
            parts.append(token)
    return anchor, " ".join(parts)


def on_page_markdown(markdown, page, config, files):
    if not page.file.src_uri.endswith(".md"):
        return markdown
    # Line numbers in messages count from the top of the file, frontmatter included.
    source = page.file.content_string
    offset = source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0
    is_question_page = bool(page.meta.get("covers"))
    lines = markdown.split("\n")
    fence = None
    question_id = None
    for index, line in enumerate(lines):
        fence_match = FENCE.match(line)
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        match = HEADING.match(line)
        if match is None:
            continue
        where = _location(config, page, offset + index + 1)
        level, text, attrs = len(match["hashes"]), match["text"], match["attrs"] or ""
        anchor, attrs = _rewrite_attrs(attrs, where, config)
        if anchor is None and level >= 3 and text in STANDARD_PARTS and question_id:
            anchor = f"{question_id}-{STANDARD_PARTS[text]}"
            attrs = f"#{anchor} {attrs}".strip()
            lines[index] = f"{match['hashes']} {text} {{{attrs}}}"
            continue
        needs_id = text.rstrip().endswith(("？", "?")) or (level == 2 and is_question_page)
        if anchor is None:
            if needs_id:
                raise PluginError(f"{where}: heading '{text}' needs an explicit English anchor, e.g. {{#some-question}}.")
            continue
        if needs_id and level <= 3 and text.rstrip().endswith(("？", "?")):
            missing = [key for key in TAG_ATTRIBUTES if f"data-{key}=" not in attrs]
            if missing:
                raise PluginError(
                    f"{where}: question '{text}' needs {' and '.join(f'{key}=…' for key in missing)} "
                    "in its heading attributes, e.g. {#some-question difficulty=基础 frequency=高频}."
                )
        if not KEBAB_ID.match(anchor):
            raise PluginError(f"{where}: anchor '#{anchor}' must be lowercase kebab-case English (a-z, 0-9, -).")
        owner = _anchor_owner.setdefault(anchor, where)
        if owner != where:
            raise PluginError(f"{where}: anchor '#{anchor}' is already used at {owner}; anchors are unique site-wide.")
        if level <= 3 and text not in STANDARD_PARTS:
            question_id = anchor
        lines[index] = f"{match['hashes']} {text} {{{attrs}}}"
    return "\n".join(lines)


def on_page_content(html, page, config, files):
    match = COUNTED_ANCHOR.search(html)
    if match:
        text = re.sub(r"<[^>]+>", "", match["text"])
        raise PluginError(
            f"{_location(config, page)}: heading '{text}' got the numbered anchor '#{match['id']}'; "
            "give it an explicit {#english-id} or make its text unique on the page."
        )
    return html
