"""Chinese search in the real search box of the built site, in headless Chromium."""

from __future__ import annotations

import json
import subprocess

import pytest
from browser import ARTIFACTS
from search_browser import load_queries, open_search, page_and_anchor, rank_of, search
from sitebuild import ROOT

QUERIES = load_queries()
TOP3_TARGET, TOP1_TARGET = 0.97, 0.85


@pytest.fixture(scope="module")
def search_page(chromium, server):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    open_search(page, server.url)
    yield page, server.url
    page.close()


@pytest.fixture(scope="module")
def ranks(search_page):
    page, base_url = search_page
    found = {}
    for query in QUERIES:
        groups, _ = search(page, query.query)
        found[query.query] = rank_of(groups, query, base_url)
    return found


def test_the_query_set_is_large_and_points_at_existing_pages_and_anchors(built_site):
    assert len(QUERIES) >= 150
    assert len({query.query for query in QUERIES}) == len(QUERIES)
    for query in QUERIES:
        html = built_site.path / query.page / "index.html"
        assert html.is_file(), query
        if query.anchor:
            assert f'id="{query.anchor}"' in html.read_text(encoding="utf-8"), query


def test_every_query_finds_its_page_in_the_top_three(ranks):
    misses = {query: rank for query, rank in ranks.items() if rank is None or rank > 3}
    top3 = 1 - len(misses) / len(ranks)
    assert top3 >= TOP3_TARGET, f"top-3 hit rate {top3:.1%}; misses: {misses}"


def test_most_queries_find_their_page_first(ranks):
    top1 = sum(rank == 1 for rank in ranks.values()) / len(ranks)
    assert top1 >= TOP1_TARGET, f"top-1 hit rate {top1:.1%}"


def test_a_query_typed_right_after_page_load_gets_results(browser_page_factory):
    page, base_url = browser_page_factory()
    page.goto(base_url, wait_until="domcontentloaded")
    page.keyboard.press("s")
    page.keyboard.type("交叉熵", delay=10)
    page.wait_for_selector(".md-search-result__list > li", timeout=10_000)
    assert "交叉熵" in page.locator(".md-search-result__list > li").first.inner_text()


def test_results_highlight_the_term_and_link_to_the_question(search_page):
    page, base_url = search_page
    groups, _ = search(page, "梯度裁剪")
    assert any("#gradient-clipping" in href for href in groups[0])
    marks = page.locator(".md-search-result__list mark").all_inner_texts()
    assert any("梯度裁剪" in mark or mark in "梯度裁剪" for mark in marks), marks
    titles = page.locator(".md-search-result__list article h1, .md-search-result__list article h2").all_inner_texts()
    assert not any("\u200b" in title for title in titles)
    page.screenshot(path=str(ARTIFACTS / "search-gradient-clipping.png"))


@pytest.mark.parametrize("abbreviation,term", [("BN", "批归一化"), ("NMS", "非极大值抑制"), ("LN", "层归一化")])
def test_an_abbreviation_and_its_chinese_name_find_the_same_question(search_page, abbreviation, term):
    page, base_url = search_page
    by_abbreviation, _ = search(page, abbreviation)
    by_term, _ = search(page, term)
    assert by_abbreviation and by_term
    assert page_and_anchor(by_abbreviation[0][0], base_url)[0] == page_and_anchor(by_term[0][0], base_url)[0]


def test_the_search_index_carries_no_zero_width_spaces_and_merges_question_parts(built_site):
    index = json.loads((built_site.path / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any("\u200b" in doc["title"] + doc["text"] for doc in index["docs"])
    locations = {doc["location"] for doc in index["docs"]}
    sub_sections = [
        location for location in locations for suffix in ("-details", "-pitfalls", "-follow-ups")
        if location.endswith(suffix) and location[: -len(suffix)] in locations
    ]
    assert sub_sections == []  # merged into their question, so results link to the question itself
    assert ["BN", "批归一化", "Batch Normalization"] == index["config"]["synonyms"][0][:3]


def test_the_worker_tokenises_queries_and_documents_the_same_way():
    script = (
        "const w = require(process.argv[1]);"
        "console.log(JSON.stringify([w.grams('批归一化'), w.grams('Adam 偏差修正')]))"
    )
    result = subprocess.run(["node", "-e", script, str(ROOT / "docs/assets/javascripts/search-worker.js")],
                            capture_output=True, text=True, check=True)
    chinese, mixed = json.loads(result.stdout)
    assert chinese == ["批", "批归", "归", "归一", "一", "一化", "化"]
    assert mixed[0] == "adam" and "偏差" in mixed and "修正" in mixed


def test_the_build_fails_when_the_search_worker_is_missing(build_throwaway):
    page = "---\ntitle: 页\ndescription: 测试。\n---\n\n# 页\n"
    code, log = build_throwaway({"index.md": page}, with_assets=False)
    assert code != 0 and "search-worker.js is missing" in log


def test_pages_blocks_and_formulas_marked_or_typeset_stay_out_of_the_index(build_throwaway, tmp_path):
    shown = "---\ntitle: 页\ndescription: 测试。\n---\n\n# 页\n\n可见段落，公式 $`E=mc^2`$ 之后。\n\n" \
            '<div markdown="1" data-search-exclude>\n\n隐藏段落\n\n</div>\n'
    hidden = "---\ntitle: 生成页\ndescription: 测试。\nsearch:\n  exclude: true\n---\n\n# 生成页\n\n不该被搜到\n"
    code, log = build_throwaway({"index.md": shown, "generated.md": hidden})
    assert code == 0, log
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    assert "可见段落" in text and "之后" in text
    assert "隐藏段落" not in text and "不该被搜到" not in text and "mc" not in text
    assert not any(doc["location"].startswith("generated/") for doc in index["docs"])
