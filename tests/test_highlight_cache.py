"""Highlighted code blocks come from the cache exactly as Pygments made them, and only for the same input."""

from __future__ import annotations

import pygments
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer
from sitebuild import load_hook


def test_a_cached_block_is_pygments_own_html_and_an_option_change_misses_the_cache(tmp_path, monkeypatch):
    highlight_cache = load_hook("highlight_cache")
    monkeypatch.setattr(highlight_cache, "CACHE_DIR", tmp_path)
    code = "def f(x):\n    return x ** 2\n"
    expected = pygments.highlight(code, PythonLexer(), HtmlFormatter(hl_lines=[2]))
    assert highlight_cache.cached_highlight(code, PythonLexer(), HtmlFormatter(hl_lines=[2])) == expected  # stored
    assert highlight_cache.cached_highlight(code, PythonLexer(), HtmlFormatter(hl_lines=[2])) == expected  # reused
    assert len(list(tmp_path.glob("*.html"))) == 1
    plain = highlight_cache.cached_highlight(code, PythonLexer(), HtmlFormatter())
    assert plain == pygments.highlight(code, PythonLexer(), HtmlFormatter()) != expected
