// A display formula wider than the column scrolls sideways. Keyboard users can only scroll what can take
// focus, so each formula that actually overflows becomes focusable (and is named for screen readers);
// formulas that fit stay out of the tab order.
(() => {
  function markScrollable() {
    document.querySelectorAll(".md-typeset .katex-display").forEach(display => {
      const scrolls = display.scrollWidth > display.clientWidth + 1;
      if (scrolls && !display.hasAttribute("tabindex")) {
        display.setAttribute("tabindex", "0");
        display.setAttribute("role", "group");
        display.setAttribute("aria-label", "公式（可横向滚动）");
      } else if (!scrolls && display.getAttribute("tabindex") === "0") {
        ["tabindex", "role", "aria-label"].forEach(name => display.removeAttribute(name));
      }
    });
  }
  if (window.document$) window.document$.subscribe(() => requestAnimationFrame(markScrollable));
  else document.addEventListener("DOMContentLoaded", markScrollable);
  document.fonts?.ready.then(markScrollable);
  window.addEventListener("resize", markScrollable);
})();
