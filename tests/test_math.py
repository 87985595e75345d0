"""The math path: byte-identical to markdown-katex's own binary, no PATH/npx probing, a persistent cache."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from sitebuild import ROOT, load_hook

FORMULAS = [
    ([], "x^2+\\frac{a}{b}"),
    (["--display-mode"], "\\frac{\\partial L}{\\partial \\mathbf{h}_0} = \\prod_{k=1}^{n} W_k^{\\top} D_k"),
    ([], "\\lVert \\mathbf{g} \\rVert \\le \\sqrt{\\textstyle\\sum_i g_i^2}"),
    (["--display-mode"], "\\begin{bmatrix} 1 & 0 \\\\ 0 & \\sigma'(z) \\end{bmatrix}"),
    ([], "\\text{按范数：}\\ \\eta\\odot\\mathrm{Var}(W)"),
]


@pytest.mark.parametrize("args,tex", FORMULAS)
def test_batch_renderer_output_is_byte_identical_to_the_bundled_katex_binary(tmp_path, args, tex):
    math_prerender = load_hook("math_prerender")
    from markdown_katex import wrapper

    source = tmp_path / "formula.tex"
    source.write_text(tex, encoding="utf-8")
    output = tmp_path / "formula.html"
    binary = str(wrapper._get_pkg_bin_path())
    subprocess.run([binary, *args, "--input", str(source), "--output", str(output)], check=True)
    [result] = math_prerender.render_batch([{"args": args, "tex": tex}])
    assert result["html"] == output.read_text(encoding="utf-8")


def test_batch_renderer_reports_each_latex_error_without_stopping(tmp_path):
    math_prerender = load_hook("math_prerender")
    results = math_prerender.render_batch([{"args": [], "tex": "\\frac{a"}, {"args": [], "tex": "a+b"}])
    assert "KaTeX parse error" in results[0]["error"]
    assert results[1]["html"].startswith('<span class="katex">')


def test_formulas_are_rendered_by_the_bundled_binary_whatever_katex_or_npx_is_on_path(tmp_path, build_throwaway):
    # markdown-katex looks for `katex` / `npx --no-install katex` once while MkDocs validates the
    # configuration (before any hook runs); without the hook it did so again for every formula.
    fake_bin = tmp_path / "fake-bin"
    fake_bin.mkdir()
    marker = tmp_path / "probed"
    for name in ("npx", "katex"):
        script = fake_bin / name
        script.write_text(f"#!/bin/sh\necho \"$0 $*\" >> {marker}\necho 0.15.1\n", encoding="utf-8")
        script.chmod(0o755)
    formulas = [f"x_{{{uuid.uuid4().int % 10**9}}}" for _ in range(12)]  # formulas no cache has seen
    body = "\n\n".join(f"公式 $`{formula}`$。" for formula in formulas)
    page = f"---\ntitle: 页\ndescription: 测试。\n---\n\n# 页\n\n{body}\n"
    old_path = os.environ["PATH"]
    os.environ["PATH"] = f"{fake_bin}{os.pathsep}{old_path}"
    try:
        code, log = build_throwaway({"index.md": page})
    finally:
        os.environ["PATH"] = old_path
    assert code == 0, log
    probes = marker.read_text().splitlines() if marker.exists() else []
    assert len(probes) <= 2, probes  # at most the one start-up probe (--version, --help), never per formula
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count('<span class="katex">') == len(formulas)  # real KaTeX output, not the fake's


def test_a_rendered_formula_is_cached_in_the_project_and_reused(build_throwaway):
    cache = load_hook("math_prerender").CACHE_DIR
    formula = f"y_{{{uuid.uuid4().int % 10**9}}}"
    page = f"---\ntitle: 页\ndescription: 测试。\n---\n\n# 页\n\n公式 $`{formula}`$。\n"
    before = set(cache.glob("*.html")) if cache.exists() else set()
    code, log = build_throwaway({"index.md": page})
    assert code == 0, log
    created = set(cache.glob("*.html")) - before
    assert len(created) == 1
    [entry] = created
    stamp = entry.stat().st_mtime_ns
    code, log = build_throwaway({"index.md": page})
    assert code == 0, log
    assert set(cache.glob("*.html")) - before == created
    assert formula.replace("{", "").replace("}", "") in entry.read_text(encoding="utf-8").replace("{", "").replace("}", "")
    assert entry.stat().st_mtime_ns >= stamp


def test_an_edited_page_is_checked_again_not_answered_from_the_formulas_remembered_for_it(build_throwaway):
    page = "---\ntitle: 页\ndescription: 测试。\n---\n\n# 页\n\n公式 $`{}`$。\n"
    code, log = build_throwaway({"index.md": page.format("a^2")})
    assert code == 0, log
    code, log = build_throwaway({"index.md": page.format("\\frac{b")})  # the same page, edited
    assert code != 0 and "docs/index.md:8: LaTeX error" in log, log


def test_the_katex_css_version_matches_the_binary_that_renders(tmp_path):
    katex_assets = load_hook("katex_assets")
    assert katex_assets.npm_katex_version() == katex_assets.bundled_katex_version() == "0.15.1"
    css = (ROOT / "node_modules" / "katex" / "dist" / "katex.min.css").read_text(encoding="utf-8")
    assert "0.15.1" in css[:200] or "KaTeX_Main" in css


def test_hooks_run_under_the_current_python(tmp_path):
    assert sys.version_info[:2] == (3, 11)


def test_a_batch_mixing_display_and_inline_formulas_renders_each_as_it_would_alone():
    math_prerender = load_hook("math_prerender")
    batch = [{"args": args, "tex": tex} for args, tex in FORMULAS] + [{"args": [], "tex": "m"}]
    together = math_prerender.render_batch(batch)
    alone = [math_prerender.render_batch([request])[0] for request in batch]
    assert together == alone
    assert "katex-display" not in together[-1]["html"]
