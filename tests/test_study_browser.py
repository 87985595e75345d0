"""Study features as a reader uses them, in headless Chromium against the built site: self-test mode,
progress marks, the question index, 随机一题, export/import, keyboard shortcuts, tooltips, accessibility
(axe-core) and the phone layout. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import json

import pytest
from browser import ARTIFACTS, PageWatch
from sitebuild import ROOT

CONTENT = "training/normalization/"
FIRST_QUESTION = "batch-normalization"  # the first question on that page
INDEX = "study/questions/"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SELF_TEST_ON = "localStorage.setItem('handbook.selftest', JSON.stringify('on'));"


@pytest.fixture
def reader(chromium, server):
    """A fresh browser profile (empty localStorage) and a function to open site pages in it."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    watch = PageWatch(page, server.url)

    def open_(path: str):
        page.goto(server.url + path, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        return page

    open_.page, open_.context, open_.watch, open_.url = page, context, watch, server.url
    yield open_
    assert watch.errors == [], watch.errors
    assert watch.foreign_requests == []
    context.close()


def answer_visible(page, anchor: str) -> bool:
    return page.locator(f"#{anchor}-answer").is_visible()


def test_reading_mode_shows_every_answer_and_no_reveal_buttons(reader):
    page = reader(CONTENT)
    assert page.locator(".qa-answer").count() == page.locator(".question-meta").count() >= 8
    assert all(page.locator(".qa-answer").evaluate_all("els => els.map(e => e.offsetHeight > 0)"))
    assert page.locator(".qa-reveal:visible").count() == 0


def test_self_test_mode_hides_answers_until_revealed_and_survives_a_reload(reader):
    page = reader(CONTENT)
    page.get_by_role("button", name="自测模式").click()
    assert page.get_by_role("button", name="自测模式").get_attribute("aria-pressed") == "true"
    assert page.locator(".qa-answer:visible").count() == 0
    reveal = page.locator(f'.question-meta[data-question="{FIRST_QUESTION}"] .qa-reveal')
    assert reveal.get_attribute("aria-expanded") == "false"
    reveal.click()
    assert answer_visible(page, FIRST_QUESTION)
    assert reveal.get_attribute("aria-expanded") == "true" and reveal.inner_text() == "隐藏答案"
    assert page.locator(".qa-answer:visible").count() == 1
    page.screenshot(path=str(ARTIFACTS / "study-self-test-desktop.png"))
    page.reload(wait_until="load")
    assert page.locator(".qa-answer:visible").count() == 0
    page.get_by_role("button", name="显示全部答案").click()
    assert page.locator(".qa-answer:visible").count() == page.locator(".qa-answer").count()


def test_self_test_mode_stays_on_across_instant_navigation(reader):
    page = reader(CONTENT)
    page.get_by_role("button", name="自测模式").click()
    page.locator('.md-sidebar--primary a.md-nav__link[href$="/training/regularization/"]').click()
    page.wait_for_url("**/training/regularization/")
    page.wait_for_selector(".question-meta")
    assert page.locator(".qa-answer").count() > 0
    assert page.locator(".qa-answer:visible").count() == 0
    assert page.get_by_role("button", name="自测模式").get_attribute("aria-pressed") == "true"


def test_a_link_into_an_answer_opens_that_answer_in_self_test_mode(reader):
    reader.context.add_init_script(SELF_TEST_ON)
    page = reader(CONTENT + f"#{FIRST_QUESTION}-pitfalls")
    assert answer_visible(page, FIRST_QUESTION)
    assert page.locator(".qa-answer:visible").count() == 1


def test_self_test_hides_answers_before_any_script_of_the_site_runs(reader):
    """The answers are hidden by markup and CSS alone (no flash, no shift): block study.js and look."""
    reader.context.add_init_script(SELF_TEST_ON)
    reader.page.route("**/study.js", lambda route: route.abort())
    page = reader(CONTENT)
    assert page.evaluate("document.documentElement.hasAttribute('data-selftest')")
    assert page.locator(".qa-answer:visible").count() == 0
    reader.watch.errors.clear()  # the blocked script is reported as a failed request


LAYOUT_SHIFTS = """() => new Promise(resolve => {
  const shifts = [];
  const study = '.question-meta, .study-toolbar, .qa-answer, .question-filters, .section-progress';
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const nodes = entry.sources.map(source => source.node).filter(Boolean);
      const element = node => node.nodeType === 1 ? node : node.parentElement;
      shifts.push({ value: entry.value,
        study: nodes.filter(n => element(n)?.closest(study)).map(n => element(n).className || n.nodeName) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => resolve(shifts), 800);
})"""


@pytest.mark.parametrize("path", [CONTENT, INDEX, ""])
def test_a_page_in_self_test_mode_loads_without_layout_shift(reader, path):
    """Nothing the study features render moves after the first paint; whatever else shifts (a late
    font, under load) stays far below what a reader notices (Google's 'good' is 0.1)."""
    reader.context.add_init_script(SELF_TEST_ON)
    page = reader(path)
    shifts = page.evaluate(LAYOUT_SHIFTS)
    assert [s["study"] for s in shifts if s["study"]] == []
    assert sum(s["value"] for s in shifts) < 0.01, shifts


def test_printing_in_self_test_mode_prints_every_answer_without_the_controls(reader):
    reader.context.add_init_script(SELF_TEST_ON)
    page = reader(CONTENT)
    page.emulate_media(media="print")
    assert page.locator(".qa-answer:visible").count() == page.locator(".qa-answer").count()
    for selector in (".study-toolbar", ".qa-mark", ".qa-reveal"):
        assert page.locator(f"{selector}:visible").count() == 0, selector
    assert page.locator(".question-tag:visible").count() > 0


def test_progress_marks_persist_and_show_on_the_page_the_home_page_and_the_index(reader):
    page = reader(CONTENT)
    row = page.locator(f'.question-meta[data-question="{FIRST_QUESTION}"]')
    row.get_by_role("button", name="已掌握").click()
    assert row.get_by_role("button", name="已掌握").get_attribute("aria-pressed") == "true"
    assert "已掌握 1 · 需复习 0" in page.locator(".study-page-progress").inner_text()
    page.locator('.question-meta[data-question="bn-backward-pass"]').get_by_role("button", name="需复习").click()
    page.reload(wait_until="load")
    assert row.get_by_role("button", name="已掌握").get_attribute("aria-pressed") == "true"
    assert "已掌握 1 · 需复习 1" in page.locator(".study-page-progress").inner_text()
    assert page.locator(".study-section-progress").inner_text().startswith("训练与优化 ")
    assert page.locator(".study-section-progress").inner_text().endswith(" 题 · 已掌握 1 · 需复习 1")

    reader("")
    training = page.locator("tr[data-anchors]", has_text="训练与优化")
    assert training.locator(".progress-known").inner_text() == "1"
    assert training.locator(".progress-review").inner_text() == "1"
    assert training.locator("meter").evaluate("m => m.value") == 1
    page.locator(".section-progress").screenshot(path=str(ARTIFACTS / "study-home-progress.png"))

    reader(INDEX)
    training_count = page.locator("#index-training + .section-count").inner_text()
    assert training_count.endswith("道题 · 已掌握 1 · 需复习 1")
    page.select_option("select[name=progress]", "known")
    visible = page.locator("li[data-question]:visible")
    assert visible.count() == 1 and visible.get_attribute("data-question") == FIRST_QUESTION
    assert page.locator(".question-count").inner_text() == "1 道题"
    page.select_option("select[name=progress]", "none")
    assert page.locator("li[data-question]:visible").count() == page.locator("li[data-question]").count() - 2


def test_index_filters_by_tags_and_section(reader):
    page = reader(INDEX)
    total = page.locator("li[data-question]").count()
    page.select_option("select[name=difficulty]", "深入")
    deep = page.locator("li[data-question]:visible")
    assert 0 < deep.count() < total
    assert set(deep.evaluate_all("els => els.map(e => e.dataset.difficulty)")) == {"深入"}
    page.select_option("select[name=section]", "cv")
    both = page.locator("li[data-question]:visible").evaluate_all("els => els.map(e => [e.dataset.section, e.dataset.difficulty])")
    assert both and all(pair == ["cv", "深入"] for pair in both)
    assert page.locator("h3[id^=index-]:visible").count() < page.locator("h3[id^=index-]").count()
    page.screenshot(path=str(ARTIFACTS / "study-index-filtered.png"))


def test_random_question_opens_a_question_of_the_chosen_section(reader):
    page = reader(INDEX)
    page.select_option("select[name=section]", "cv")
    page.get_by_role("button", name="随机一题").click()
    page.wait_for_url("**/cv/**#*")
    anchor = page.url.split("#")[1]
    assert page.locator(f'.question-meta[data-question="{anchor}"]').count() == 1


def test_random_question_can_draw_only_from_questions_to_review(reader):
    page = reader(CONTENT)
    page.locator('.question-meta[data-question="bn-backward-pass"]').get_by_role("button", name="需复习").click()
    reader(INDEX)
    page.select_option("select[name=progress]", "review")
    page.get_by_role("button", name="随机一题").click()
    page.wait_for_url("**#bn-backward-pass")


def test_progress_exports_and_imports_as_a_json_file(reader, tmp_path):
    page = reader(CONTENT)
    page.locator(f'.question-meta[data-question="{FIRST_QUESTION}"]').get_by_role("button", name="已掌握").click()
    reader(INDEX)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出进度").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "dl-interview-handbook-progress" and data["marks"] == {FIRST_QUESTION: "known"}

    page.evaluate("localStorage.clear()")
    reader(INDEX)
    page.set_input_files(".progress-import input", str(exported))
    page.wait_for_function("document.querySelector('.progress-transfer-status').textContent.includes('已导入')")
    assert page.locator(".progress-transfer-status").inner_text() == "已导入 1 条标记"
    assert json.loads(page.evaluate("localStorage.getItem('handbook.progress.v1')")) == {FIRST_QUESTION: "known"}

    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"hello": 1}', encoding="utf-8")
    page.set_input_files(".progress-import input", str(bogus))
    page.wait_for_function("document.querySelector('.progress-transfer-status').textContent.includes('导入失败')")


def test_keyboard_shortcuts_move_between_questions_reveal_mark_and_explain_themselves(reader):
    page = reader(CONTENT + f"#{FIRST_QUESTION}")  # the reader is at the first question
    anchors = page.locator(".question-meta").evaluate_all("els => els.map(e => e.dataset.question)")
    assert anchors[0] == FIRST_QUESTION
    page.keyboard.press("j")
    assert page.url.endswith(f"#{anchors[1]}")
    page.keyboard.press("j")
    assert page.url.endswith(f"#{anchors[2]}")
    page.keyboard.press("k")
    assert page.url.endswith(f"#{anchors[1]}")
    assert page.evaluate("document.activeElement.id") == anchors[1]
    page.keyboard.press("t")
    assert page.locator(".qa-answer:visible").count() == 0
    page.keyboard.press("r")
    assert answer_visible(page, anchors[1])
    page.keyboard.press("1")
    assert page.locator(f'.question-meta[data-question="{anchors[1]}"] .qa-mark[data-mark=known]').get_attribute("aria-pressed") == "true"
    page.keyboard.press("2")
    assert page.locator(f'.question-meta[data-question="{anchors[1]}"] .qa-mark[data-mark=review]').get_attribute("aria-pressed") == "true"
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="快捷键")
    assert dialog.is_visible()
    assert "下一题" in dialog.inner_text()
    page.screenshot(path=str(ARTIFACTS / "study-shortcuts-dialog.png"))
    page.keyboard.press("Escape")
    assert not dialog.is_visible()


def test_j_from_the_top_of_a_page_goes_to_its_first_question(reader):
    page = reader(CONTENT)
    page.evaluate("window.scrollTo(0, 0)")
    first_top = page.locator(f"#{FIRST_QUESTION}").evaluate("h => h.getBoundingClientRect().top / window.innerHeight")
    page.keyboard.press("j")
    # Above the first question (its heading below the upper 40 % of the window) j moves to it; once the
    # reader is at it, j moves on.
    expected = FIRST_QUESTION if first_top > 0.4 else "bn-backward-pass"
    assert page.url.endswith(f"#{expected}")


def test_every_study_control_is_reachable_by_tab_with_a_visible_focus_ring(reader):
    page = reader(CONTENT)
    page.locator("article h1").click()  # start keyboard navigation at the top of the article
    reached, outlines = set(), set()
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return [e.className, e.textContent.trim(), s.outlineStyle, s.outlineWidth]; }"
        )
        if "study-" in focused[0] or "qa-" in focused[0]:
            reached.add(focused[1])
            outlines.add((focused[2], focused[3]))
    assert {"自测模式", "显示全部答案", "快捷键", "已掌握", "需复习"} <= reached
    assert all(style != "none" and width != "0px" for style, width in outlines)


def test_abbreviations_show_their_full_name_on_hover(reader):
    page = reader(CONTENT)
    abbr = page.locator("article abbr", has_text="BN").first
    abbr.hover()
    page.wait_for_timeout(600)
    tooltip_text = page.evaluate(
        "() => [...document.querySelectorAll('.md-tooltip2, .md-tooltip, [role=tooltip]')]"
        ".filter(e => e.offsetParent !== null).map(e => e.textContent).join(' ')"
    )
    assert "Batch Normalization" in tooltip_text
    page.screenshot(path=str(ARTIFACTS / "study-abbreviation-tooltip.png"))


A11Y_PAGES = {"home": "", "content": CONTENT, "index": INDEX, "glossary": "study/glossary/", "pitfalls": "study/pitfalls/"}


@pytest.mark.parametrize("name", A11Y_PAGES)
def test_axe_finds_no_serious_or_critical_accessibility_violations(reader, name):
    page = reader(A11Y_PAGES[name])
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, { resultTypes: ['violations'] })")
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


PHONE_PAGES = {"content": CONTENT, "index": INDEX, "glossary": "study/glossary/", "home": ""}


@pytest.mark.parametrize("name", PHONE_PAGES)
def test_phone_width_layout_has_no_horizontal_overflow(chromium, server, name):
    context = chromium.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True, has_touch=True)
    context.add_init_script(SELF_TEST_ON)
    page = context.new_page()
    page.goto(server.url + PHONE_PAGES[name], wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.screenshot(path=str(ARTIFACTS / f"study-phone-{name}.png"))
    overflowing = page.evaluate(
        "() => [...document.querySelectorAll('.study-toolbar, .question-meta, .question-filters, .progress-transfer, .section-progress')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.className || e.tagName)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert overflowing == []
    context.close()
