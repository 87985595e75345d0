"""Reuse the syntax highlighting of code blocks from one build to the next.

Why this hook exists. Pygments lexes the site's ~400 code blocks (about 7,000 lines of Python) again on
every build, which was the largest single cost of a warm rebuild after the Markdown conversion itself
(about 0.9 s). What it returns depends only on the code, the lexer and the formatter with their options,
and the Pygments and pymdownx versions. So this hook stores each highlighted block in `.cache/highlight/`
under a hash of all of these, and pymdownx gets it from there on the next build. The published HTML is
exactly Pygments' own. Delete the folder to reset it (`make clean` does).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pygments
from pymdownx import highlight as pymdownx_highlight
from pymdownx.__meta__ import __version__ as pymdownx_version

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "highlight"

_pygments_highlight = pymdownx_highlight.highlight


def cache_key(code: str, lexer, formatter) -> str:
    described = (
        pygments.__version__, pymdownx_version, code,
        type(lexer).__module__, type(lexer).__qualname__, sorted(lexer.options.items()),
        type(formatter).__module__, type(formatter).__qualname__, sorted(formatter.options.items()),
    )
    return hashlib.sha256(repr(described).encode("utf-8")).hexdigest()


def cached_highlight(code: str, lexer, formatter) -> str:
    """pygments.highlight, answered from the cache when the same block was highlighted before."""
    path = CACHE_DIR / f"{cache_key(code, lexer, formatter)}.html"
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        pass
    html = _pygments_highlight(code, lexer, formatter)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(html.encode("utf-8"))
    temporary.replace(path)
    return html


def on_config(config):
    pymdownx_highlight.highlight = cached_highlight
    return config
