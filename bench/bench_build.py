"""Build benchmark: prints numbers, asserts nothing.

Measures, on this machine: page and formula counts; cold build (no KaTeX, highlighting, notebook or
jieba cache) and warm rebuild seconds, wall clock and CPU (user + system of the build and its child
processes, which other work on the machine disturbs less), three warm rebuilds as min / median; KaTeX
cost per formula (batch renderer cold, markdown-katex cache hit, and the bundled binary one process per
formula for comparison); per-page transfer weight (HTML + the CSS and JS it loads, fonts and images
apart), raw and gzip, median and max (and for notebook pages); and a linear extrapolation of the cold
build to 40 pages and 1,500 formulas. Run: make bench  (or .venv/bin/python bench/bench_build.py)
"""

from __future__ import annotations

import gzip
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from htmlscan import scan_html  # noqa: E402
from pages import load_config  # noqa: E402
from sitebuild import load_hook, mkdocs_build  # noqa: E402

KATEX_CACHE = ROOT / ".cache" / "katex"
NOTEBOOK_CACHE = ROOT / ".cache" / "mkdocs-jupyter"
HIGHLIGHT_CACHE = ROOT / ".cache" / "highlight"
JIEBA_CACHE = Path(tempfile.gettempdir()) / "jieba.cache"


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(site_dir: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one build."""
    cpu, start = _children_cpu_seconds(), time.perf_counter()
    result = mkdocs_build(ROOT / "mkdocs.yml", site_dir)
    elapsed, cpu = time.perf_counter() - start, _children_cpu_seconds() - cpu
    if result.returncode != 0:
        sys.exit("build failed:\n" + result.stdout + result.stderr)
    return elapsed, cpu


def all_formulas() -> list[tuple[str, dict]]:
    math_prerender = load_hook("math_prerender")
    math_prerender._use_bundled_binary_and_project_cache()
    extensions = load_config()["markdown_extensions"]
    katex_config = next(item["markdown_katex"] for item in extensions if isinstance(item, dict) and "markdown_katex" in item)
    collector = math_prerender.KatexCollector(katex_config)
    formulas = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        formulas += collector.formulas(page.read_text(encoding="utf-8"))
    return formulas


def per_formula_costs(formulas) -> dict[str, float]:
    from markdown_katex import wrapper

    math_prerender = load_hook("math_prerender")
    requests = [{"args": math_prerender._cache_file(tex, opts)[1], "tex": tex} for tex, opts in formulas]
    start = time.perf_counter()
    math_prerender.render_batch(requests)
    batch = (time.perf_counter() - start) / len(requests)
    start = time.perf_counter()
    for tex, options in formulas:
        wrapper.tex2html(tex, dict(options))
    cached = (time.perf_counter() - start) / len(formulas)
    sample = formulas[:10]
    binary = str(wrapper._get_pkg_bin_path())
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        for index, (tex, options) in enumerate(sample):
            source = Path(tmp) / f"{index}.tex"
            source.write_text(tex, encoding="utf-8")
            args = math_prerender._cache_file(tex, options)[1]
            subprocess.run([binary, *args, "--input", str(source), "--output", str(source.with_suffix(".html"))], check=True)
        one_process_each = (time.perf_counter() - start) / len(sample)
    return {"batch_cold_ms": batch * 1000, "cached_ms": cached * 1000, "binary_per_formula_ms": one_process_each * 1000}


def page_weights(site: Path) -> list[tuple[str, int, int]]:
    """(page, raw bytes, gzip bytes) of HTML + CSS + JS each page loads."""
    weights = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        html = page.read_bytes()
        scan = scan_html(html.decode("utf-8"))
        files = [page] + [
            (page.parent / url.split("?")[0]).resolve() for url in scan.resources
            if url.split("?")[0].endswith((".css", ".js"))
        ]
        raw = sum(path.stat().st_size for path in files)
        packed = sum(len(gzip.compress(path.read_bytes(), compresslevel=6)) for path in files)
        weights.append((str(page.relative_to(site)), raw, packed))
    return weights


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.rmtree(KATEX_CACHE, ignore_errors=True)
        shutil.rmtree(NOTEBOOK_CACHE, ignore_errors=True)
        shutil.rmtree(HIGHLIGHT_CACHE, ignore_errors=True)
        JIEBA_CACHE.unlink(missing_ok=True)
        cold, cold_cpu = timed_build(site)
        warm_walls, warm_cpus = zip(*(timed_build(site) for _ in range(3)))
        weights = page_weights(site)
        formulas_in_html = sum(p.read_text(encoding="utf-8").count('<span class="katex">') for p in site.rglob("*.html"))
    formulas = all_formulas()
    costs = per_formula_costs(formulas)
    pages = len(weights)
    raw = [w[1] for w in weights]
    packed = [w[2] for w in weights]
    heaviest = max(weights, key=lambda w: w[2])
    fixed = max(cold - len(formulas) * costs["batch_cold_ms"] / 1000, 0)
    estimate = fixed / max(pages, 1) * 40 + 1500 * costs["batch_cold_ms"] / 1000
    print(f"pages                          {pages}")
    print(f"formulas (Markdown / HTML)     {len(formulas)} / {formulas_in_html}")
    print(f"cold build (empty caches)      {cold:.2f} s (CPU {cold_cpu:.2f} s)")
    print(f"warm rebuild, 3 runs min/median {min(warm_walls):.2f} / {statistics.median(warm_walls):.2f} s "
          f"(CPU {min(warm_cpus):.2f} / {statistics.median(warm_cpus):.2f} s)")
    print(f"math per formula, cold batch   {costs['batch_cold_ms']:.2f} ms")
    print(f"math per formula, cached       {costs['cached_ms']:.3f} ms")
    print(f"math per formula, one process  {costs['binary_per_formula_ms']:.1f} ms (markdown-katex's own way, for comparison)")
    print(f"page weight raw   median/max   {statistics.median(raw) / 1024:.1f} / {max(raw) / 1024:.1f} KiB")
    print(f"page weight gzip  median/max   {statistics.median(packed) / 1024:.1f} / {max(packed) / 1024:.1f} KiB (max: {heaviest[0]})")
    notebooks = [w for w in weights if w[0].startswith("notebooks/")]
    if notebooks:
        print(f"notebook pages gzip median/max {statistics.median(w[2] for w in notebooks) / 1024:.1f} / "
              f"{max(w[2] for w in notebooks) / 1024:.1f} KiB (raw max {max(w[1] for w in notebooks) / 1024:.1f} KiB)")
    print(f"cold build extrapolated to 40 pages, 1500 formulas: {estimate:.1f} s "
          f"(= non-math time per page {fixed / max(pages, 1):.2f} s x 40 + 1500 x cold per-formula cost)")


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    main()
