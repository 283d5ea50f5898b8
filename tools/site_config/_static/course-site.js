/* Course website (tools/site_build.py): what the widget renderer leaves out for assistive technology.
   - A lab's figure is an <img> drawn without alt text: it gets the lab's summary sentence (what the
     figure shows), as the static slide decks do.
   - A slider's handle (role="slider") has no accessible name: it gets the slider's own label.
   - A part of a lab that scrolls gets the keyboard focus (tabindex), so it can be scrolled without a mouse. */
(function () {
  "use strict";
  function text(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }
  function describe() {
    document.querySelectorAll(".course-lab img:not([alt])").forEach(function (img) {
      var box = img.closest(".course-lab-output") || img.closest(".course-lab");
      var summary = text(box && box.querySelector(".course-lab-summary, .course-lab-message"));
      img.setAttribute("alt", summary ? "Figure of the lab: " + summary : "Figure of the lab, first view");
    });
    document.querySelectorAll('.jupyter-widgets [role="slider"]:not([aria-label])').forEach(function (handle) {
      var widget = handle.closest(".widget-slider, .widget-inline-hbox, .widget-inline-vbox");
      var label = text(widget && widget.querySelector(".widget-label")) || (widget && widget.title) || "value";
      var handles = widget ? widget.querySelectorAll('[role="slider"]') : [handle];
      var which = handles.length > 1 ? (handle === handles[0] ? " (lower end)" : " (upper end)") : "";
      handle.setAttribute("aria-label", label + which);
    });
  }
  function scrollable(element) {
    var style = getComputedStyle(element);
    return (/(auto|scroll)/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1) ||
      (/(auto|scroll)/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1);
  }
  function reachable() {
    // A part of a lab that scrolls (a wide table or figure) can be scrolled with the keyboard.
    document.querySelectorAll(".jupyter-widgets:not([tabindex])").forEach(function (element) {
      if (scrollable(element) && !element.querySelector("a, button, input, select, textarea, [tabindex]")) {
        element.setAttribute("tabindex", "0");
        element.setAttribute("role", "region");
        element.setAttribute("aria-label", "Part of the lab that scrolls");
      }
    });
  }
  function start() {
    window.addEventListener("load", reachable);
    describe();
    var queued = false;
    new MutationObserver(function () {
      describe();
      if (!queued) {  // layout-dependent: once per frame at most
        queued = true;
        window.requestAnimationFrame(function () { queued = false; reachable(); });
      }
    }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
