"""Read data/glossary.yaml once, strictly, and show abbreviations' full names wherever they appear.

Why this hook exists. The glossary feeds three things: the glossary page (hooks/study_pages.py), the
search's synonym groups (hooks/search_index.py) and hover tooltips. A typo in it should stop the build
with the file and line, before any page is read, rather than surface as a traceback or a missing term.
So `on_config` validates every entry (known keys; `zh`, `en` and `see` present) and hands the entries,
with their line numbers, to the other hooks as `extra.handbook.glossary_terms`.

Tooltips. Interview notes are dense with abbreviations, and a reader who lands on a page from search has
not seen where each was introduced. Every entry with an `abbr` becomes a Python-Markdown `abbr`
definition (`*[BN]: 批归一化（Batch Normalization）`) appended to every Markdown page, so each whole-word
occurrence in prose becomes `<abbr title="…">`, drawn by Material's `content.tooltips`; code and math
are left alone by the `abbr` extension. Entries marked `tooltip: false` are skipped: their letters mean
something else somewhere on the site (MAE is also the masked autoencoder), and a wrong tooltip is worse
than none.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

KEYS = {"abbr", "zh", "en", "aliases", "see", "tooltip"}
REQUIRED = ("zh", "en", "see")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*")  # as abbreviations are written: BN, mAP, R-CNN, F1

_definitions: dict[str, str] = {}


def load_glossary(path: Path) -> list[tuple[int, dict]]:
    """(line number, entry) for every term; fails naming the file and line on a bad entry."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)  # LibYAML; for each entry's line number
        entries = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as error:
        raise PluginError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(entries, list):
        raise PluginError(f"{path}: must be a YAML list of terms.")
    located = []
    for node, entry in zip(root.value, entries):
        where = f"{path}:{node.start_mark.line + 1}"
        if not isinstance(entry, dict):
            raise PluginError(f"{where}: each term must be a mapping such as {{abbr: BN, zh: …, en: …, see: …}}.")
        unknown = sorted(set(entry) - KEYS)
        if unknown:
            raise PluginError(f"{where}: unknown key(s) {', '.join(unknown)} (allowed: {', '.join(sorted(KEYS))}).")
        for key in REQUIRED:
            if not entry.get(key):
                raise PluginError(f"{where}: term {entry.get('abbr') or entry.get('zh')!r} needs '{key}'.")
        located.append((node.start_mark.line + 1, entry))
    return located


def abbreviation_definitions(entries: list[dict]) -> dict[str, str]:
    """{abbreviation: its Python-Markdown definition line} for every entry that gets a tooltip."""
    return {
        entry["abbr"]: f"*[{entry['abbr']}]: {entry['zh']}（{entry['en']}）"
        for entry in entries
        if entry.get("abbr") and entry.get("tooltip", True) is not False
    }


def definitions_for(markdown: str) -> str:
    # Only the abbreviations the page contains, which keeps the abbr extension's pattern short; and one
    # block per definition: its processor takes one line off a block and hands the rest back, so a single
    # block of 200 lines would be re-tested by every block processor 200 times.
    words = set(WORD.findall(markdown))
    present = [line for abbr, line in _definitions.items() if abbr in words or (" " in abbr and abbr in markdown)]
    return "\n\n".join(present)


def on_config(config):
    global _definitions
    handbook = config["extra"]["handbook"]
    path = Path(config["config_file_path"]).parent / handbook["glossary"]
    handbook["glossary_terms"] = load_glossary(path)
    handbook["glossary_path"] = str(path)
    _definitions = abbreviation_definitions([entry for _, entry in handbook["glossary_terms"]])
    return config


def on_page_markdown(markdown, page, config, files):
    if not page.file.src_uri.endswith(".md"):
        return markdown
    return f"{markdown}\n\n{definitions_for(markdown)}\n"
