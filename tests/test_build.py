"""The strict build passes cleanly, and each kind of bad input fails it with a message naming the file."""

from __future__ import annotations

import pytest

GOOD_HOME = "---\ntitle: 首页\ndescription: 测试首页。\n---\n\n# 首页\n\n见 [示例](topic.md#good-question)。\n"


def topic_page(body: str, frontmatter: str = "title: 示例\ndescription: 测试页面。\ncovers: [s001]") -> str:
    return f"---\n{frontmatter}\n---\n\n# 示例\n\n{body}\n"


GOOD_QUESTION = "## 一个好问题？ {#good-question difficulty=基础 frequency=高频}\n\n**速答**：公式 $`x^2`$。\n\n### 详解\n\n正文。\n"


def test_strict_build_passes_without_warnings(built_site):
    problems = [line for line in built_site.log if line.startswith(("WARNING", "ERROR"))]
    assert problems == []
    assert (built_site.path / "index.html").is_file()


def test_a_valid_throwaway_site_builds(build_throwaway):
    code, log = build_throwaway({"index.md": GOOD_HOME, "topic.md": topic_page(GOOD_QUESTION)})
    assert code == 0, log


BAD_INPUTS = {
    "malformed YAML frontmatter": (
        topic_page(GOOD_QUESTION, "title: 示例\ndescription: [未闭合\ncovers: [s001]"),
        ["docs/topic.md:4", "not valid YAML", "flow sequence at line 3"],
    ),
    "unknown covers id": (
        topic_page(GOOD_QUESTION, "title: 示例\ndescription: 测试页面。\ncovers: [s001, s999]"),
        ["docs/topic.md", "covers", "s999"],
    ),
    "unknown page tag": (
        topic_page(GOOD_QUESTION, "title: 示例\ndescription: 测试页面。\ntags: [不存在的标签]"),
        ["docs/topic.md", "tags", "不存在的标签"],
    ),
    "missing description": (
        topic_page(GOOD_QUESTION, "title: 示例\ncovers: [s001]"),
        ["docs/topic.md", "description", "required"],
    ),
    "misspelt frontmatter key": (
        topic_page(GOOD_QUESTION, "title: 示例\ndescription: 测试页面。\ncover: [s001]"),
        ["docs/topic.md", "'cover'", "unknown"],
    ),
    "LaTeX error": (
        topic_page(GOOD_QUESTION + "\n另一个公式 $`\\frac{a`$。\n"),
        ["docs/topic.md:17", "LaTeX error", "\\frac{a"],
    ),
    "LaTeX error in a display block": (
        topic_page(GOOD_QUESTION + "\n```math\n\\begin{bmatrix} a \\end{matrix}\n```\n"),
        ["docs/topic.md:18", "LaTeX error"],
    ),
    "broken link": (
        topic_page(GOOD_QUESTION + "\n见 [不存在的页](missing.md)。\n"),
        ["topic.md", "missing.md"],
    ),
    "broken anchor": (
        topic_page(GOOD_QUESTION + "\n见 [不存在的锚点](#no-such-anchor)。\n"),
        ["topic.md", "no-such-anchor"],
    ),
    "question heading without an anchor": (
        topic_page(GOOD_QUESTION + "\n## 没有锚点的问题？\n\n正文。\n"),
        ["docs/topic.md:17", "needs an explicit English anchor"],
    ),
    "anchor that is not kebab-case English": (
        topic_page(GOOD_QUESTION + "\n## 另一个问题？ {#Another_Question difficulty=基础 frequency=常见}\n\n正文。\n"),
        ["docs/topic.md:17", "kebab-case"],
    ),
    "unknown difficulty value": (
        topic_page("## 一个好问题？ {#good-question difficulty=很难 frequency=高频}\n\n正文。\n"),
        ["docs/topic.md:9", "difficulty", "很难"],
    ),
    "question without a frequency tag": (
        topic_page(GOOD_QUESTION + "\n## 另一个问题？ {#another-question difficulty=进阶}\n\n正文。\n"),
        ["docs/topic.md:17", "frequency=", "另一个问题"],
    ),
    "heading that would get a numbered anchor": (
        topic_page(GOOD_QUESTION + "\n### 小结\n\n一。\n\n### 小结\n\n二。\n"),
        ["docs/topic.md", "小结_1"],
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_fails_the_build_naming_the_file(build_throwaway, case):
    page, expected_fragments = BAD_INPUTS[case]
    code, log = build_throwaway({"index.md": GOOD_HOME, "topic.md": page})
    assert code != 0, f"the build passed despite: {case}\n{log}"
    for fragment in expected_fragments:
        assert fragment in log, f"{fragment!r} missing from the build log:\n{log}"


def test_duplicate_anchor_across_pages_fails_naming_both(build_throwaway):
    other = topic_page("## 重复的问题？ {#good-question difficulty=基础 frequency=高频}\n\n正文。\n").replace("covers: [s001]", "covers: [s002]")
    code, log = build_throwaway({"index.md": GOOD_HOME, "topic.md": topic_page(GOOD_QUESTION), "other.md": other})
    assert code != 0
    assert "#good-question" in log and "already used" in log
    assert "docs/topic.md" in log and "docs/other.md" in log


GLOSSARY_TERM = "- {abbr: GQ, zh: 好问题, en: Good Question, see: topic.md#good-question}\n"
BAD_GLOSSARIES = {
    "term without a see link": ("- {abbr: GQ, zh: 好问题, en: Good Question}\n", ["glossary.yaml:1", "needs 'see'"]),
    "see link to an unknown anchor": (
        GLOSSARY_TERM + "- {abbr: XQ, zh: 某问题, en: Some Question, see: topic.md#no-such-question}\n",
        ["glossary.yaml:2", "topic.md#no-such-question"],
    ),
    "see link to a missing page": (
        "- {abbr: GQ, zh: 好问题, en: Good Question, see: nowhere.md#good-question}\n",
        ["glossary.yaml:1", "nowhere.md"],
    ),
    "misspelt key": (
        "- {abbr: GQ, zh: 好问题, en: Good Question, see: topic.md#good-question, tooltips: false}\n",
        ["glossary.yaml:1", "tooltips"],
    ),
    "not valid YAML": ("- {abbr: GQ, zh: [好问题\n", ["glossary.yaml", "not valid YAML"]),
}


@pytest.mark.parametrize("case", BAD_GLOSSARIES, ids=list(BAD_GLOSSARIES))
def test_bad_glossary_fails_the_build_naming_the_file_and_line(build_throwaway, case):
    glossary, expected_fragments = BAD_GLOSSARIES[case]
    code, log = build_throwaway({"index.md": GOOD_HOME, "topic.md": topic_page(GOOD_QUESTION)}, glossary=glossary)
    assert code != 0, f"the build passed despite: {case}\n{log}"
    for fragment in expected_fragments:
        assert fragment in log, f"{fragment!r} missing from the build log:\n{log}"


def test_a_page_at_a_generated_path_fails_the_build(build_throwaway):
    code, log = build_throwaway(
        {"index.md": GOOD_HOME, "topic.md": topic_page(GOOD_QUESTION), "study/glossary.md": topic_page("正文。")}
    )
    assert code != 0
    assert "docs/study/glossary.md" in log and "generated" in log
