"""Printing a single page from the browser (Ctrl+P, "Save as PDF"), as a reader would: with print media
emulated and the browser's beforeprint event, in headless Chromium; and the PDF that page.pdf() saves.
A throwaway page carries what the real pages do not have yet (collapsed blocks, tabs, a button, a very
wide table and formula); the exemplar page shows the real content."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata

import pytest
from browser import ARTIFACTS, LocalServer
from sitebuild import ROOT, build_pages, log_lines

sys.path.insert(0, str(ROOT / "scripts"))
from build_pdf import CONTENT_WIDTH_PX, OVERFLOW  # noqa: E402

TITLE = '打印 "测试" & <检查>'
WIDE_FORMULA = " + ".join(f"\\frac{{x_{{{i}}}^2}}{{y_{{{i}}} + z_{{{i}}}}}" for i in range(1, 25))
# Twelve columns: Material gives each header cell a 5rem minimum, 1200px in all, on 680px of paper.
WIDE_TABLE = "| " + " | ".join(f"第{i}列标题" for i in range(1, 13)) + " |\n|" + "---|" * 12 + "\n| " + " | ".join(
    f"内容 {i} recall 0.{i}5" for i in range(1, 13)) + " |\n"
PRINT_PAGE = f"""---
title: '{TITLE}'
description: 打印测试页面。
covers: [s001]
---

# 打印测试

## 一个要打印的问题？ {{#print-question difficulty=基础 frequency=高频}}

**速答**：速答紧跟标题。

### 详解

??? note "点开看推导"

    折叠起来的推导内容。

=== "PyTorch"

    PyTorch 标签页的内容。

=== "TensorFlow"

    TensorFlow 标签页的内容。

<button type="button">一个按钮</button>

{WIDE_TABLE}
```math
{WIDE_FORMULA}
```

```python
x = "{'很长的一行代码' * 40}"
```

参考 [一个外部链接](https://example.org/deep/learning/interview/handbook)。
"""
HOME = "---\ntitle: 首页\ndescription: 测试首页。\n---\n\n# 首页\n\n见 [打印测试](print.md)。\n"


@pytest.fixture(scope="module")
def print_site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("print-site")
    result = build_pages(tmp_path, {"index.md": HOME, "print.md": PRINT_PAGE})
    assert result.returncode == 0, "\n".join(log_lines(result))
    with LocalServer(tmp_path / "site") as server:
        yield server.url


@pytest.fixture
def printed(chromium):
    """open(url): the page as Chromium lays it out for paper: A4's content width, print media, and (unless
    told not to) the beforeprint event that Ctrl+P fires."""
    contexts = []

    def open_(url: str, beforeprint: bool = True):
        context = chromium.new_context(viewport={"width": CONTENT_WIDTH_PX, "height": 1000})
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url, wait_until="load")
        page.emulate_media(media="print")
        if beforeprint:
            page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        page.evaluate("document.fonts.ready.then(() => true)")
        assert errors == []
        return page

    yield open_
    for context in contexts:
        context.close()


HIDDEN = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
          ".md-top", ".md-typeset .headerlink", "button", ".md-typeset .tabbed-labels"]


def displayed(page, selector: str) -> list[bool]:
    return page.evaluate("""selector => [...document.querySelectorAll(selector)].map(element =>
        element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')""", selector)


def test_print_hides_navigation_header_footer_search_and_buttons(printed, print_site):
    page = printed(print_site + "print/")
    for selector in HIDDEN:
        shown = displayed(page, selector)
        assert shown and not any(shown), f"{selector}: {shown}"
    assert all(displayed(page, "article.md-content__inner, .md-typeset h2, .md-typeset table"))


def test_print_opens_collapsed_blocks_and_every_tab_under_its_title(printed, print_site):
    page = printed(print_site + "print/")
    assert page.evaluate("[...document.querySelectorAll('details')].map(d => d.open)") == [True]
    assert all(displayed(page, ".tabbed-block")) and len(displayed(page, ".tabbed-block")) == 2
    titles = page.evaluate("[...document.querySelectorAll('.tabbed-block')].map(b => getComputedStyle(b, '::before').content)")
    assert titles == ['"PyTorch"', '"TensorFlow"']


def test_a_collapsed_block_prints_its_content_even_without_the_print_script(printed, print_site):
    page = printed(print_site + "print/", beforeprint=False)
    assert page.evaluate("document.querySelector('details').open") is False
    height = page.evaluate("document.querySelector('details > p, details > :not(summary)').getBoundingClientRect().height")
    assert height > 0


def test_nothing_is_wider_than_the_paper(printed, print_site, server):
    for url in (print_site + "print/", server.url + "training/vanishing-exploding-gradients/", server.url):
        assert printed(url).evaluate(OVERFLOW) == [], url


def formula_scales(page) -> list[float]:
    """Font size of each display formula relative to its paragraph (KaTeX sets 1.21)."""
    return page.evaluate("""() => [...document.querySelectorAll('.katex-display > .katex')].map(k =>
        parseFloat(getComputedStyle(k).fontSize) / parseFloat(getComputedStyle(k.parentElement).fontSize))""")


def test_only_a_formula_wider_than_the_paper_is_scaled_down(printed, print_site, server):
    assert 0.3 < formula_scales(printed(print_site + "print/"))[0] < 1.0
    scales = formula_scales(printed(server.url + "training/vanishing-exploding-gradients/"))
    assert len(scales) >= 5 and sorted(scales)[len(scales) // 2] == pytest.approx(1.21, abs=0.01)


def test_question_headings_keep_with_their_quick_answer_in_the_print_layout(printed, server):
    page = printed(server.url + "training/vanishing-exploding-gradients/")
    styles = page.evaluate("""() => {
        const h2 = document.querySelector('.md-typeset h2[data-difficulty]');
        const tags = h2.nextElementSibling;  // the question's tag row (hooks/question_blocks.py)
        const quick = tags.nextElementSibling.firstElementChild;  // first paragraph of its answer
        return [getComputedStyle(h2).breakAfter, tags.className, getComputedStyle(tags).breakAfter,
                getComputedStyle(quick).breakBefore, quick.textContent.slice(0, 2)];
    }""")
    assert styles == ["avoid", "question-meta", "avoid", "avoid", "速答"]


def pdf_pages(page, path) -> list[str]:
    page.pdf(path=str(path), print_background=True, prefer_css_page_size=True)
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    # the test browser draws CJK with Debian's CFF Noto, which extracts as Kangxi radicals: normalise them
    return [unicodedata.normalize("NFKC", text) for text in text.split("\f")[:-1]]


def test_save_as_pdf_gives_a_clean_document_with_a_running_header(printed, print_site, tmp_path):
    page = printed(print_site + "print/")
    texts = pdf_pages(page, tmp_path / "print.pdf")
    whole = "\n".join(texts)
    assert all(TITLE in text.splitlines()[0] and "深度学习面试手册" in text.splitlines()[0] for text in texts)
    for shown in ("速答紧跟标题", "折叠起来的推导内容", "PyTorch 标签页的内容", "TensorFlow 标签页的内容",
                  "(https://example.org/deep/learning/interview/handbook)", "第12列"):
        assert shown in whole, shown
    for hidden in ("一个按钮", "本节链接", "搜索", "Made with"):
        assert hidden not in whole, hidden
    assert [text.strip().splitlines()[-1].strip() for text in texts] == [str(n) for n in range(1, len(texts) + 1)]


def test_save_as_pdf_keeps_every_question_heading_with_its_quick_answer(printed, server, tmp_path):
    page = printed(server.url + "training/optimizers/")
    headings = page.evaluate("[...document.querySelectorAll('.md-typeset h2[data-difficulty]')].map(h => h.textContent)")
    texts = [re.sub(r"\s+", "", text) for text in pdf_pages(page, tmp_path / "optimizers.pdf")]
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "2", str(tmp_path / "optimizers.pdf"),
                    str(ARTIFACTS / "print-optimizers")], check=True)
    assert len(headings) >= 6 and len(texts) >= 8
    for heading in headings:
        start = re.sub(r"\s+", "", heading.rstrip("¶"))[:10]
        pages = [text for text in texts if start in text]
        assert pages, heading
        assert "速答" in pages[0][pages[0].index(start):], f"{heading}: its 速答 is on the next page"
