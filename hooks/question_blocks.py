"""Mark up every question as a block a reader can quiz themselves on and track.

Why this hook exists. Self-test mode hides each answer until the reader asks for it, and progress marks
(已掌握 / 需复习) hang off each question. Both must work before any script runs: answers hidden by
JavaScript after the page is painted would jump the page around, and buttons inserted late would shift
it. So the structure is rendered into the HTML at build time. For every question heading (a heading
that carries `data-difficulty`, see hooks/question_headings.py) this hook:

* wraps everything from the heading down to the next heading of the same or a higher level in
  `<div class="qa-answer" id="<anchor>-answer">`, which the stylesheet hides in self-test mode;
* puts a row after the heading with the question's difficulty and frequency tags and the buttons
  显示答案 / 已掌握 / 需复习 (docs/assets/javascripts/study.js gives them behaviour);
* puts a toolbar under the page title of every page with questions: the self-test switch, the page's
  progress and the keyboard-shortcut help.

The answers are wrapped when the page is converted; the rows and the toolbar are left there as HTML
comments and only filled in once the page has been indexed for search and rendered with its template,
so the search index never sees their labels (and never has to skip them).
"""

from __future__ import annotations

import html
import re

from mkdocs.plugins import event_priority

HEADING = re.compile(r"<h(?P<level>[1-6])\b(?P<attrs>[^>]*)>.*?</h(?P=level)>", re.S)
ATTRIBUTE = re.compile(r'(?P<name>[\w-]+)="(?P<value>[^"]*)"')

TOOLBAR = """<div class="study-toolbar">
<button type="button" class="study-selftest" aria-pressed="false" title="隐藏所有答案，先自己作答（快捷键 t）">自测模式</button>
<button type="button" class="study-reveal-all" title="显示本页所有答案">显示全部答案</button>
<button type="button" class="study-help" aria-haspopup="dialog" title="快捷键（?）">快捷键</button>
<span class="study-page-progress" aria-live="polite" data-total="{total}">本页 {total} 题 · 已掌握 0 · 需复习 0</span>
</div>
"""

QUESTION_ROW = """<div class="question-meta" data-question="{anchor}">
<span class="question-tag" data-difficulty="{difficulty}" title="难度">{difficulty}</span>
<span class="question-tag" data-frequency="{frequency}" title="出现频率">{frequency}</span>
<button type="button" class="qa-reveal" aria-expanded="true" aria-controls="{anchor}-answer">显示答案</button>
<button type="button" class="qa-mark" data-mark="known" aria-pressed="false">已掌握</button>
<button type="button" class="qa-mark" data-mark="review" aria-pressed="false">需复习</button>
</div>
"""


def question_headings(content: str) -> list[tuple[re.Match, dict[str, str]]]:
    headings = []
    for match in HEADING.finditer(content):
        attributes = {a["name"]: html.unescape(a["value"]) for a in ATTRIBUTE.finditer(match["attrs"])}
        headings.append((match, attributes))
    return headings


def mark_up_questions(content: str) -> tuple[str, int]:
    """The page HTML with each question's answer wrapped and its row of tags and buttons added."""
    headings = question_headings(content)
    pieces, position, questions = [], 0, 0
    for index, (match, attributes) in enumerate(headings):
        if "data-difficulty" not in attributes:
            continue
        level = int(match["level"])
        end = next((m.start() for m, _ in headings[index + 1 :] if int(m["level"]) <= level), len(content))
        anchor = attributes["id"]
        row = ROW_PLACEHOLDER.format(anchor, attributes["data-difficulty"], attributes.get("data-frequency", ""))
        pieces += [
            content[position : match.end()],
            "\n",
            row,
            f'<div class="qa-answer" id="{anchor}-answer">\n',
            content[match.end() : end],
            "</div>\n",
        ]
        position = end
        questions += 1
    pieces.append(content[position:])
    return "".join(pieces), questions


ROW_PLACEHOLDER = "<!--question-row {} {} {}-->\n"
ROW_PLACEHOLDERS = re.compile(r"<!--question-row (\S+) (\S+) (\S*)-->\n")
TOOLBAR_PLACEHOLDER = re.compile(r"<!--study-toolbar (\d+)-->\n")


def add_toolbar(content: str, questions: int) -> str:
    toolbar = f"<!--study-toolbar {questions}-->\n"
    title = re.search(r"<h1\b[^>]*>.*?</h1>\n?", content, re.S)
    if title is None:
        return toolbar + content
    return content[: title.end()] + toolbar + content[title.end() :]


def on_page_content(html_content, page, config, files):
    content, questions = mark_up_questions(html_content)
    if questions == 0:
        return html_content
    return add_toolbar(content, questions)


def fill_in_rows_and_toolbar(output: str) -> str:
    output = ROW_PLACEHOLDERS.sub(
        lambda m: QUESTION_ROW.format(anchor=m[1], difficulty=html.escape(m[2]), frequency=html.escape(m[3])), output
    )
    return TOOLBAR_PLACEHOLDER.sub(lambda m: TOOLBAR.format(total=m[1]), output, count=1)


@event_priority(50)  # before hooks/study_pages.py adds the section's progress to the toolbar
def on_post_page(output, page, config):
    return fill_in_rows_and_toolbar(output) if "<!--study-toolbar " in output else output
