"""The study structure in the built site: every question marked up for self-test and progress, and the
generated question index, 常见误区 collection, glossary and per-section progress table complete."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from sitebuild import ROOT

QUESTION_HEADING = re.compile(r'<h(?P<level>[23])\b(?P<attrs>[^>]*\bdata-difficulty="[^"]*"[^>]*)>(?P<text>.*?)</h(?P=level)>', re.S)
ANY_HEADING = re.compile(r"<h(?P<level>[1-6])\b(?P<attrs>[^>]*)>", re.S)
ATTRIBUTE = re.compile(r'(?P<name>[\w-]+)="(?P<value>[^"]*)"')
TAG = re.compile(r"<[^>]+>")
GENERATED = ("study/questions", "study/pitfalls", "study/glossary")


def attributes(text: str) -> dict[str, str]:
    return {a["name"]: html.unescape(a["value"]) for a in ATTRIBUTE.finditer(text)}


def article(page_html: str) -> str:
    return page_html[page_html.index("<article") : page_html.index("</article>")]


def plain(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def content_pages(built_site) -> dict[str, str]:
    """{url path: article HTML} of every page that is not generated."""
    pages = {}
    for path in built_site.html_files():
        url = path.parent.relative_to(built_site.path).as_posix()
        url = "" if url == "." else url
        if not url.startswith(GENERATED) and url != "404.html":
            pages[url] = article(path.read_text(encoding="utf-8"))
    return pages


@pytest.fixture(scope="module")
def questions(built_site) -> list[dict]:
    """Every question heading on the site, in page order: url, anchor, tags, level, position."""
    found = []
    for url, content in content_pages(built_site).items():
        for match in QUESTION_HEADING.finditer(content):
            attrs = attributes(match["attrs"])
            found.append({"url": url, "anchor": attrs["id"], "difficulty": attrs["data-difficulty"],
                          "frequency": attrs["data-frequency"], "level": int(match["level"]),
                          "end": match.end(), "text": plain(re.sub(r'<a class="headerlink".*?</a>', "", match["text"]))})
    return found


def test_the_site_has_all_its_questions_tagged(questions):
    assert len(questions) >= 270
    assert {q["difficulty"] for q in questions} == {"基础", "进阶", "深入"}
    assert {q["frequency"] for q in questions} == {"高频", "常见", "偶尔"}


def test_every_question_has_its_tags_buttons_and_answer_wrapped_below_it(built_site, questions):
    pages = content_pages(built_site)
    for q in questions:
        content = pages[q["url"]]
        after = content[q["end"] :]
        row = re.match(r'\s*<div class="question-meta" data-question="([^"]+)">(.*?)</div>', after, re.S)
        assert row, f"{q['url']}#{q['anchor']}: no question row right after the heading"
        assert row[1] == q["anchor"]
        assert f'data-difficulty="{q["difficulty"]}" title="难度">{q["difficulty"]}<' in row[2]
        assert f'data-frequency="{q["frequency"]}" title="出现频率">{q["frequency"]}<' in row[2]
        labels = re.findall(r"<button[^>]*>([^<]+)</button>", row[2])
        assert labels == ["显示答案", "已掌握", "需复习"]
        answer = after[row.end() :].lstrip()
        assert answer.startswith(f'<div class="qa-answer" id="{q["anchor"]}-answer">')
        if q["url"] not in PAGES_WITHOUT_QUICK_ANSWERS:
            assert re.match(r'<div[^>]*>\s*<p><strong>速答</strong>', answer), f"{q['url']}#{q['anchor']}: 速答 not first in the answer"


PAGES_WITHOUT_QUICK_ANSWERS = {"guide/syllabus", "guide/high-frequency", "guide/project-review"}

DIV = re.compile(r"<div\b|</div>")


def element_end(content: str, start: int) -> int:
    """Index just past the </div> closing the <div> that opens at `start`."""
    depth = 0
    for tag in DIV.finditer(content, start):
        depth += 1 if tag.group(0) == "<div" else -1
        if depth == 0:
            return tag.end()
    raise AssertionError("unbalanced <div>")


def test_each_answer_runs_exactly_to_the_next_heading_of_its_level(built_site, questions):
    pages = content_pages(built_site)
    for q in questions:
        content = pages[q["url"]]
        start = content.index(f'<div class="qa-answer" id="{q["anchor"]}-answer">')
        end = element_end(content, start)
        inside = [int(h["level"]) for h in ANY_HEADING.finditer(content[start:end])]
        assert all(level > q["level"] for level in inside), f"{q['url']}#{q['anchor']}: answer swallows a heading"
        following = ANY_HEADING.search(content, end)
        if following:
            assert int(following["level"]) <= q["level"], f"{q['url']}#{q['anchor']}: answer ends too early"
            assert not plain(content[end : following.start()]), f"{q['url']}#{q['anchor']}: text left outside the answer"


def test_pages_with_questions_get_the_study_toolbar_under_their_title(built_site, questions):
    pages = content_pages(built_site)
    for url in {q["url"] for q in questions}:
        content = pages[url]
        toolbar = re.search(r'</h1>\s*<div class="study-toolbar">(.*?)</div>', content, re.S)
        assert toolbar, url
        total = sum(1 for q in questions if q["url"] == url)
        assert f'data-total="{total}">本页 {total} 题 · 已掌握 0 · 需复习 0<' in toolbar[1]
        assert 'class="study-selftest" aria-pressed="false"' in toolbar[1]
        section = re.search(r'<span class="study-section-progress" data-anchors="([^"]+)" data-label="([^"]+)">', content)
        assert section, url
        in_section = [q["anchor"] for q in questions if q["url"].split("/")[0] == url.split("/")[0]]
        assert sorted(section[1].split()) == sorted(in_section), url
        assert section[2].endswith(f" {len(in_section)} 题")


def index_items(built_site) -> list[dict]:
    content = article(built_site.page("study/questions"))
    items = []
    for match in re.finditer(r"<li (?P<attrs>[^>]*data-question[^>]*)><a href=\"(?P<href>[^\"]+)\">(?P<text>.*?)</a>", content, re.S):
        items.append({**attributes(match["attrs"]), "href": match["href"], "text": plain(match["text"])})
    return items


def test_question_index_lists_every_question_once_with_its_tags_and_link(built_site, questions):
    items = index_items(built_site)
    assert [i["data-question"] for i in items] == sorted(
        [i["data-question"] for i in items], key=[q["anchor"] for q in questions_in_nav_order(built_site, questions)].index
    )
    assert len(items) == len(questions)
    by_anchor = {q["anchor"]: q for q in questions}
    for item in items:
        q = by_anchor[item["data-question"]]
        assert item["href"] == f"../../{q['url']}/#{q['anchor']}"
        assert item["data-difficulty"] == q["difficulty"] and item["data-frequency"] == q["frequency"]
        assert item["data-section"] == q["url"].split("/")[0]
        assert item["text"] == q["text"]


def questions_in_nav_order(built_site, questions) -> list[dict]:
    """Questions ordered by the position of their page in the navigation, then by their place on the page."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    order = []

    def walk(items):
        for item in items:
            for value in item.values():
                if isinstance(value, list):
                    walk(value)
                else:
                    order.append(value.removesuffix(".md").removesuffix("index").rstrip("/"))

    walk(config["nav"])
    return sorted(questions, key=lambda q: (order.index(q["url"]), q["end"]))


def test_question_index_filters_offer_every_section_and_tag(built_site):
    content = article(built_site.page("study/questions"))
    form = re.search(r'<form class="question-filters".*?</form>', content, re.S)[0]
    section_select = re.search(r'<select name="section">.*?</select>', form, re.S)[0]
    sections = re.findall(r'<option value="([a-z]+)">', section_select)
    assert {i["data-section"] for i in index_items(built_site)} == set(sections)
    for name in ("section", "difficulty", "frequency", "progress"):
        assert f'<select name="{name}">' in form
    assert '<button type="button" class="study-random">随机一题</button>' in form


def section_between(content: str, heading_id: str) -> str:
    start = re.search(rf'<h[1-6][^>]*id="{re.escape(heading_id)}"[^>]*>.*?</h[1-6]>', content, re.S)
    assert start, heading_id
    rest = content[start.end() :]
    end = re.search(r"<h[1-6]\b", rest)
    return rest[: end.start()] if end else rest


def test_pitfalls_page_repeats_every_pitfall_word_for_word_and_links_back(built_site, questions):
    collected = article(built_site.page("study/pitfalls"))
    pages = content_pages(built_site)
    checked = 0
    for q in questions:
        if f'id="{q["anchor"]}-pitfalls"' not in pages[q["url"]]:
            continue
        original = plain(section_between(pages[q["url"]], f"{q['anchor']}-pitfalls"))
        original = re.split(r"(?:^| )相关：", original)[0].strip()  # a closing 相关 line is not a pitfall
        copy = section_between(collected, f"pitfalls-of-{q['anchor']}")
        source = re.search(r'<p class="pitfall-source">出自<a href="([^"]+)">.*?</p>', copy, re.S)
        assert source and source[1] == f"../../{q['url']}/#{q['anchor']}", q["anchor"]
        assert plain(copy[source.end() :]) == original, q["anchor"]
        checked += 1
    assert checked >= 270


def test_glossary_page_lists_every_term_with_its_names_and_a_link_to_its_explanation(built_site):
    entries = yaml.safe_load((ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8"))
    content = article(built_site.page("study/glossary"))
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", content, re.S)
    assert len(rows) == len(entries)
    by_term = {plain(term): (plain(zh), plain(en), link) for term, zh, en, link in rows}
    for entry in entries:
        zh, en, link = by_term[entry.get("abbr") or entry["zh"]]
        assert (zh, en) == (entry["zh"], entry["en"])
        page, _, anchor = entry["see"].partition("#")
        expected = "../../" + page.removesuffix(".md") + "/" + (f"#{anchor}" if anchor else "")
        assert f'href="{expected}"' in link, entry


def test_abbreviations_get_their_full_name_in_prose_but_never_in_code_or_math(built_site):
    entries = yaml.safe_load((ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8"))
    silent = {e["abbr"] for e in entries if e.get("abbr") and e.get("tooltip") is False}
    normalization = article(built_site.page("training/normalization"))
    assert '<abbr title="批归一化（Batch Normalization）">BN</abbr>' in normalization
    for path in built_site.html_files():
        text = path.read_text(encoding="utf-8")
        for block in re.finditer(r"<(pre|code|annotation)\b[^>]*>(.*?)</\1>", text, re.S):
            assert "<abbr" not in block[2], f"{path}: abbreviation markup inside <{block[1]}>"
        for abbr in re.findall(r"<abbr title=\"[^\"]*\">([^<]+)</abbr>", text):
            assert abbr not in silent, f"{path}: {abbr} is marked tooltip: false but got a tooltip"


def test_home_page_shows_progress_for_every_section_with_questions(built_site, questions):
    home = article(built_site.page(""))
    rows = re.findall(r'<tr data-anchors="([^"]+)"><th scope="row"><a href="([^"]+)">([^<]+)</a>', home)
    anchors = [a for row in rows for a in row[0].split()]
    assert sorted(anchors) == sorted(q["anchor"] for q in questions)
    sections = {q["url"].split("/")[0] for q in questions}
    assert {href.split("#index-")[1] for _, href, _ in rows} == sections
    assert all(href.startswith("study/questions/#index-") for _, href, _ in rows)


def test_study_controls_and_generated_pages_stay_out_of_the_search_index(built_site):
    index = json.loads((built_site.path / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        assert not doc["location"].startswith(GENERATED), doc["location"]
        assert "显示全部答案" not in doc["text"] and "本页 " not in doc["text"][:20], doc["location"]
        assert not re.search(r"显示答案\s*已掌握\s*需复习", doc["text"]), doc["location"]
