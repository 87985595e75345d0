// Study features: self-test mode, progress marks, the question index's filters and 随机一题, progress
// export/import and keyboard shortcuts. The HTML they act on is rendered at build time by
// hooks/question_blocks.py and hooks/study_pages.py; this file only adds behaviour. Everything is kept in
// this browser's localStorage, keyed by the questions' stable anchors, so marks survive site updates.
(() => {
  const PROGRESS_KEY = "handbook.progress.v1";
  const SELFTEST_KEY = "handbook.selftest";
  const EXPORT_FORMAT = "dl-interview-handbook-progress";
  const STATES = { known: "已掌握", review: "需复习" };

  const storage = {
    read(key, fallback) {
      try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; }
    },
    write(key, value) {
      try { localStorage.setItem(key, JSON.stringify(value)); } catch { /* private mode: keep in memory */ }
    },
  };
  let marks = storage.read(PROGRESS_KEY, {});
  if (typeof marks !== "object" || Array.isArray(marks)) marks = {};

  const all = (selector, root = document) => [...root.querySelectorAll(selector)];
  const questionRows = () => all(".question-meta[data-question]");
  const answerOf = row => document.getElementById(`${row.dataset.question}-answer`);
  const headingOf = row => document.getElementById(row.dataset.question);

  // ---- Self-test mode -------------------------------------------------------------------------------
  const selfTestOn = () => document.documentElement.hasAttribute("data-selftest");

  function setRevealed(row, revealed) {
    const answer = answerOf(row);
    if (!answer) return;
    answer.classList.toggle("qa-revealed", revealed);
    const button = row.querySelector(".qa-reveal");
    button.setAttribute("aria-expanded", String(revealed || !selfTestOn()));
    button.textContent = revealed ? "隐藏答案" : "显示答案";
  }

  function setSelfTest(on) {
    document.documentElement.toggleAttribute("data-selftest", on);
    storage.write(SELFTEST_KEY, on ? "on" : "off");
    questionRows().forEach(row => setRevealed(row, false));
    all(".study-selftest").forEach(button => button.setAttribute("aria-pressed", String(on)));
    revealTarget();
  }

  // A link to a part of an answer (#…-details, a figure) opens that answer; a link to the question
  // itself does not, so a reader can still answer first.
  function revealTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    const answer = target && target.closest(".qa-answer");
    if (answer && selfTestOn()) {
      const row = document.querySelector(`.question-meta[data-question="${CSS.escape(answer.id.replace(/-answer$/, ""))}"]`);
      if (row) setRevealed(row, true);
      target.scrollIntoView();
    }
  }

  // ---- Progress marks ---------------------------------------------------------------------------------
  function setMark(anchor, state) {
    if (state) marks[anchor] = state; else delete marks[anchor];
    storage.write(PROGRESS_KEY, marks);
    showProgress();
  }

  function showProgress() {
    questionRows().forEach(row => {
      all(".qa-mark", row).forEach(button =>
        button.setAttribute("aria-pressed", String(marks[row.dataset.question] === button.dataset.mark)));
    });
    all(".study-page-progress").forEach(output => {
      const anchors = questionRows().map(row => row.dataset.question);
      output.textContent = summary(anchors, `本页 ${anchors.length} 题`);
    });
    all(".study-section-progress").forEach(output => {
      output.textContent = summary(output.dataset.anchors.split(" "), output.dataset.label);
    });
    all(".md-content h2[id^='index-']").forEach(heading => {
      const count = heading.nextElementSibling;
      if (!count || !count.matches(".section-count")) return;
      let next = count.nextElementSibling;
      const anchors = [];
      for (; next && !next.matches("h2"); next = next.nextElementSibling)
        anchors.push(...all("li[data-question]", next).map(item => item.dataset.question));
      count.textContent = summary(anchors, `${anchors.length} 道题`);
    });
    all("tr[data-anchors]").forEach(row => {
      const anchors = row.dataset.anchors.split(" ");
      const known = anchors.filter(a => marks[a] === "known").length;
      row.querySelector(".progress-known").textContent = known;
      row.querySelector(".progress-review").textContent = anchors.filter(a => marks[a] === "review").length;
      row.querySelector("meter").value = known;
    });
    all("li[data-question]").forEach(item => {
      item.dataset.progress = marks[item.dataset.question] ?? "none";
    });
    filterIndex();
  }

  function summary(anchors, prefix) {
    const known = anchors.filter(a => marks[a] === "known").length;
    const review = anchors.filter(a => marks[a] === "review").length;
    return `${prefix} · 已掌握 ${known} · 需复习 ${review}`;
  }

  // ---- Question index: filters, 随机一题, export / import --------------------------------------------------
  function filterIndex() {
    const form = document.querySelector(".question-filters");
    if (!form) return;
    const wanted = Object.fromEntries(new FormData(form));
    let shown = 0;
    all("li[data-question]").forEach(item => {
      const visible = Object.entries(wanted).every(([key, value]) => !value || item.dataset[key] === value);
      item.hidden = !visible;
      shown += visible;
    });
    // A page or section with nothing left to show is hidden too, so the list stays readable.
    all(".md-content h3[id^='index-']").forEach(heading => {
      const list = heading.nextElementSibling;
      const empty = list && list.matches("ul") && !list.querySelector("li:not([hidden])");
      heading.hidden = empty;
      if (list) list.hidden = empty;
    });
    form.querySelector(".question-count").textContent = `${shown} 道题`;
  }

  function randomQuestion() {
    const candidates = all("li[data-question]:not([hidden]) a");
    const status = document.querySelector(".question-count");
    if (!candidates.length) { status.textContent = "没有符合条件的题目"; return; }
    const link = candidates[Math.floor(Math.random() * candidates.length)];
    location.assign(link.href);
  }

  function exportProgress() {
    const data = { format: EXPORT_FORMAT, version: 1, exported: new Date().toISOString(), marks };
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: "handbook-progress.json" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    transferStatus(`已导出 ${Object.keys(marks).length} 条标记`);
  }

  async function importProgress(input) {
    const file = input.files[0];
    if (!file) return;
    try {
      const data = JSON.parse(await file.text());
      if (data.format !== EXPORT_FORMAT || typeof data.marks !== "object" || !data.marks) throw new Error();
      const valid = Object.entries(data.marks).filter(([, state]) => state in STATES);
      valid.forEach(([anchor, state]) => { marks[anchor] = state; });
      storage.write(PROGRESS_KEY, marks);
      showProgress();
      transferStatus(`已导入 ${valid.length} 条标记`);
    } catch {
      transferStatus("导入失败：这不是本站导出的进度文件");
    }
    input.value = "";
  }

  function transferStatus(text) {
    all(".progress-transfer-status").forEach(status => { status.textContent = text; });
  }

  // ---- Keyboard -----------------------------------------------------------------------------------------
  const SHORTCUTS = [
    ["j", "下一题"], ["k", "上一题"], ["r", "显示 / 隐藏当前题的答案"], ["1", "当前题标记为已掌握"],
    ["2", "当前题标记为需复习"], ["t", "开关自测模式"], ["?", "显示本帮助"],
  ];
  let current = null;

  // The question being worked on: the last one moved to or marked, else the last heading above the
  // upper part of the window (null when the reader is still above the first question).
  function questionInView() {
    const rows = questionRows();
    if (current && rows.includes(current)) return current;
    const line = window.innerHeight * 0.4;
    return rows.filter(row => headingOf(row).getBoundingClientRect().top <= line).pop() ?? null;
  }
  const currentRow = () => questionInView() ?? questionRows()[0];

  function goTo(step) {
    const rows = questionRows();
    if (!rows.length) return;
    const inView = questionInView();
    const index = inView ? rows.indexOf(inView) : step > 0 ? -1 : 1;
    const row = rows[Math.min(rows.length - 1, Math.max(0, index + step))];
    const heading = headingOf(row);
    current = row;
    all(".qa-current").forEach(element => element.classList.remove("qa-current"));
    heading.classList.add("qa-current");
    heading.setAttribute("tabindex", "-1");
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
    history.replaceState(history.state, "", `#${row.dataset.question}`);
  }

  function toggleMark(state) {
    const row = currentRow();
    if (row) setMark(row.dataset.question, marks[row.dataset.question] === state ? null : state);
  }

  function helpDialog() {
    let dialog = document.querySelector("dialog.study-help-dialog");
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "study-help-dialog";
      dialog.setAttribute("aria-labelledby", "study-help-title");
      const rows = SHORTCUTS.map(([key, action]) => `<tr><td><kbd>${key}</kbd></td><td>${action}</td></tr>`).join("");
      dialog.innerHTML = `<h2 id="study-help-title">快捷键</h2><table><tbody>${rows}</tbody></table>
        <p>另外 <kbd>s</kbd> 或 <kbd>/</kbd> 打开搜索，<kbd>n</kbd> / <kbd>p</kbd> 翻到下一页 / 上一页。</p>
        <form method="dialog"><button type="submit" class="md-button">关闭</button></form>`;
      document.body.append(dialog);
    }
    dialog.showModal();
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.target.closest("input, select, textarea, [contenteditable], dialog")) return;
    if (document.querySelector("[data-md-toggle=search]:checked")) return;
    const actions = {
      j: () => goTo(1), k: () => goTo(-1), t: () => setSelfTest(!selfTestOn()), "?": helpDialog,
      r: () => { const row = currentRow(); if (row) setRevealed(row, !answerOf(row).classList.contains("qa-revealed")); },
      1: () => toggleMark("known"), 2: () => toggleMark("review"),
    };
    const action = actions[event.key];
    if (!action || (event.key !== "?" && !questionRows().length && event.key !== "t")) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  }

  // ---- Wiring -------------------------------------------------------------------------------------------
  document.addEventListener("click", event => {
    const button = event.target.closest("button");
    if (!button) return;
    const row = button.closest(".question-meta");
    if (button.matches(".qa-reveal")) setRevealed(row, !answerOf(row).classList.contains("qa-revealed"));
    else if (button.matches(".qa-mark")) {
      const state = marks[row.dataset.question] === button.dataset.mark ? null : button.dataset.mark;
      current = row;
      setMark(row.dataset.question, state);
    } else if (button.matches(".study-selftest")) setSelfTest(!selfTestOn());
    else if (button.matches(".study-reveal-all")) questionRows().forEach(r => setRevealed(r, true));
    else if (button.matches(".study-help")) helpDialog();
    else if (button.matches(".study-random")) randomQuestion();
    else if (button.matches(".progress-export")) exportProgress();
  });
  document.addEventListener("change", event => {
    if (event.target.closest(".question-filters")) filterIndex();
    if (event.target.closest(".progress-import")) importProgress(event.target);
  });
  window.addEventListener("keydown", onKey, true);
  window.addEventListener("hashchange", revealTarget);
  // Marks made in another tab show up here too.
  window.addEventListener("storage", event => {
    if (event.key === PROGRESS_KEY) { marks = storage.read(PROGRESS_KEY, {}); showProgress(); }
  });

  function initPage() {
    current = null;
    const on = selfTestOn();
    all(".study-selftest").forEach(button => button.setAttribute("aria-pressed", String(on)));
    questionRows().forEach(row => setRevealed(row, false));
    showProgress();
    revealTarget();
  }
  // Material's instant navigation swaps pages without a reload and announces each one on document$.
  if (window.document$) window.document$.subscribe(initPage);
  else document.addEventListener("DOMContentLoaded", initPage);
})();
