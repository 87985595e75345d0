"""Build the real site, or a throw-away site made of given pages, with the project's configuration.

A throw-away site inherits mkdocs.yml through a small config file written beside it (MkDocs resolves the
inherited relative paths — hooks, overrides, inventory — against the directory of the config it is
given), with its own docs_dir and site_dir and an automatic navigation.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOISE = ("Building prefix dict", "Loading model", "Prefix dict has been built", "Dumping model")


def load_hook(name: str):
    """Import hooks/<name>.py as a module (hooks are loaded by path, not as a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mkdocs_build(config: Path, site_dir: Path | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    if site_dir is not None:
        command += ["-d", str(site_dir)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


def build_docs_dir(
    docs_dir: Path, site_dir: Path, extra_config: str = "", glossary: str = "[]\n"
) -> subprocess.CompletedProcess:
    """Strictly build `docs_dir` with the project's configuration and an automatic navigation.

    The site's glossary links every term to a page of the real site, so a throw-away site gets its own
    glossary (`glossary`, YAML text; empty by default)."""
    config = ROOT / f"mkdocs.throwaway-{os.getpid()}-{abs(hash(str(docs_dir)))}.yml"
    glossary_file = site_dir.parent / "glossary.yaml"
    glossary_file.parent.mkdir(parents=True, exist_ok=True)
    glossary_file.write_text(glossary, encoding="utf-8")
    config.write_text(
        f"INHERIT: mkdocs.yml\ndocs_dir: {docs_dir}\nsite_dir: {site_dir}\nnav: null\n"
        f"extra:\n  handbook:\n    glossary: {glossary_file}\n{extra_config}",
        encoding="utf-8",
    )
    try:
        # Run from the throw-away site's folder: mkdocs-jupyter keeps its cache in ./.cache/mkdocs-jupyter and
        # deletes every entry a build did not use, which from the project folder would empty the real site's.
        return mkdocs_build(config, cwd=site_dir.parent)
    finally:
        config.unlink()


SHARED_ASSETS = ("assets/javascripts", "assets/stylesheets")  # what every page of the site loads


def build_pages(
    tmp_path: Path, pages: dict[str, str], with_assets: bool = True, glossary: str = "[]\n"
) -> subprocess.CompletedProcess:
    """Strictly build a site made only of `pages` ({path under docs: Markdown text}), plus the site's
    scripts and stylesheets unless `with_assets` is false, with `glossary` as its data/glossary.yaml."""
    docs = tmp_path / "docs"
    if with_assets:
        for folder in SHARED_ASSETS:
            shutil.copytree(ROOT / "docs" / folder, docs / folder, dirs_exist_ok=True)
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return build_docs_dir(docs, tmp_path / "site", glossary=glossary)


def log_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip() and not line.startswith(NOISE)]
