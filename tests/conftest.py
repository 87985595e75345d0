"""Shared fixtures: the real site built once per test session, and a throw-away-site builder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitebuild import ROOT, build_pages, log_lines, mkdocs_build  # noqa: E402


class BuiltSite:
    def __init__(self, path: Path, log: list[str]):
        self.path = path
        self.log = log

    def html_files(self) -> list[Path]:
        return sorted(self.path.rglob("*.html"))

    def page(self, url_path: str) -> str:
        return (self.path / url_path / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT / "mkdocs.yml", site_dir)
    log = log_lines(result)
    if result.returncode != 0:
        pytest.fail("the strict build failed:\n" + "\n".join(log))
    return BuiltSite(site_dir, log)


@pytest.fixture
def build_throwaway(tmp_path):
    """Strictly build a site made of the given {path: Markdown} pages; returns (returncode, log text)."""

    def build(pages: dict[str, str], with_assets: bool = True, glossary: str = "[]\n") -> tuple[int, str]:
        result = build_pages(tmp_path, pages, with_assets, glossary)
        return result.returncode, "\n".join(log_lines(result))

    return build


@pytest.fixture(scope="session")
def server(built_site):
    """The built site served on 127.0.0.1 for the browser tests."""
    from browser import LocalServer

    with LocalServer(built_site.path) as running:
        yield running


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium (Debian's package) for the whole session, driven by Playwright."""
    from browser import CHROMIUM_ARGS, chromium_path
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page_factory(chromium, server):
    """A fresh Chromium page on the built site, for tests that need a cold page load."""
    contexts = []

    def new_page():
        context = chromium.new_context()
        contexts.append(context)
        return context.new_page(), server.url

    yield new_page
    for context in contexts:
        context.close()
