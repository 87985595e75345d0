"""Read the content pages: frontmatter, navigation and question blocks, straight from the Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from sitebuild import ROOT

DOCS = ROOT / "docs"
QUESTION_HEADING = re.compile(r"^(#{2,3})\s+(?P<text>.+?)\s*\{(?P<attrs>[^}]*#(?P<id>[a-z0-9-]+)[^}]*)\}\s*$")
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


def load_config(path: Path | None = None) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((path or ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def nav_pages(nav=None) -> list[str]:
    """Every page path listed in mkdocs.yml's nav, in order."""
    nav = load_config()["nav"] if nav is None else nav
    pages = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages += nav_pages(value) if isinstance(value, list) else [value]
    return pages


def frontmatter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?\n)---\n", text, re.DOTALL)
    return yaml.safe_load(match.group(1)) if match else {}


def inventory() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "questions.yaml").read_text(encoding="utf-8"))


@dataclass
class Question:
    page: Path
    line: int
    anchor: str
    title: str
    body: str = ""
    tags: dict = field(default_factory=dict)

    def links(self) -> list[str]:
        return [match["target"] for match in LINK.finditer(self.body) if not match["target"].startswith("http")]


def questions(path: Path) -> list[Question]:
    """Question blocks: headings that carry difficulty/frequency tags, with the text up to the next such heading."""
    lines = path.read_text(encoding="utf-8").split("\n")
    found: list[Question] = []
    in_fence = False
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else QUESTION_HEADING.match(line)
        if match and "difficulty=" in match["attrs"]:
            tags = dict(re.findall(r"(difficulty|frequency)=(\S+)", match["attrs"]))
            found.append(Question(path, number, match["id"], match["text"], tags=tags))
        elif found:
            found[-1].body += line + "\n"
    return found


def content_pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))
