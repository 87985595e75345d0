// Printing (Ctrl+P, "Save as PDF", and scripts/build_pdf.py, whose page.pdf() fires the same event) shows
// everything and fits it to the paper. Before printing:
//   - collapsed <details> blocks open (and close again afterwards);
//   - images that wait to be scrolled to (loading="lazy") start loading;
//   - every tab of a tabbed block is printed, so each block carries its tab's title for the print stylesheet;
//   - each display formula records its natural width in em (--formula-em), from which the print stylesheet
//     shrinks a formula wider than the page to fit it (widths in em do not depend on screen or paper size).
(() => {
  let opened = [];

  function labelTabs() {
    document.querySelectorAll(".tabbed-set").forEach(set => {
      const labels = set.querySelectorAll(":scope > .tabbed-labels > label");
      const blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
      blocks.forEach((block, index) => {
        if (labels[index]) block.dataset.tabTitle = labels[index].textContent.trim();
      });
    });
  }

  function measureFormulas() {
    const range = document.createRange();
    document.querySelectorAll(".katex-display > .katex").forEach(formula => {
      const html = formula.querySelector(":scope > .katex-html");
      if (!html) return;
      range.selectNodeContents(html);
      const width = range.getBoundingClientRect().width;
      const fontSize = parseFloat(getComputedStyle(formula).fontSize);
      if (width > 0 && fontSize > 0) formula.style.setProperty("--formula-em", (width / fontSize).toFixed(2));
    });
  }

  window.addEventListener("beforeprint", () => {
    const closed = [...document.querySelectorAll("details:not([open])")];
    closed.forEach(details => details.setAttribute("open", ""));
    opened = opened.concat(closed);
    document.querySelectorAll('img[loading="lazy"]').forEach(image => { image.loading = "eager"; });
    labelTabs();
    measureFormulas();
  });
  window.addEventListener("afterprint", () => {
    opened.forEach(details => details.removeAttribute("open"));
    opened = [];
  });
})();
