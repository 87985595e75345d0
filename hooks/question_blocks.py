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

The rows and the toolbar carry `data-search-exclude`, so the search index never sees their labels.
"""

from __future__ import annotations

import html
import re

HEADING = re.compile(r"<h(?P<level>[1-6])\b(?P<attrs>[^>]*)>.*?</h(?P=level)>", re.S)
ATTRIBUTE = re.compile(r'(?P<name>[\w-]+)="(?P<value>[^"]*)"')

TOOLBAR = """<div class="study-toolbar" data-search-exclude>
<button type="button" class="study-selftest" aria-pressed="false" title="隐藏所有答案，先自己作答（快捷键 t）">自测模式</button>
<button type="button" class="study-reveal-all" title="显示本页所有答案">显示全部答案</button>
<button type="button" class="study-help" aria-haspopup="dialog" title="快捷键（?）">快捷键</button>
<span class="study-page-progress" aria-live="polite" data-total="{total}">本页 {total} 题 · 已掌握 0 · 需复习 0</span>
</div>
"""

QUESTION_ROW = """<div class="question-meta" data-question="{anchor}" data-search-exclude>
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
        row = QUESTION_ROW.format(
            anchor=anchor,
            difficulty=html.escape(attributes["data-difficulty"]),
            frequency=html.escape(attributes.get("data-frequency", "")),
        )
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


def add_toolbar(content: str, questions: int) -> str:
    toolbar = TOOLBAR.format(total=questions)
    title = re.search(r"<h1\b[^>]*>.*?</h1>\n?", content, re.S)
    if title is None:
        return toolbar + content
    return content[: title.end()] + toolbar + content[title.end() :]


def on_page_content(html_content, page, config, files):
    content, questions = mark_up_questions(html_content)
    if questions == 0:
        return html_content
    return add_toolbar(content, questions)
