/* Zoom and pan for the diagrams of Folio's pages ([data-panzoom]).
 * Without this script a diagram sits at its own size in a scrollable frame. With it, the
 * toolbar appears: zoom buttons, Ctrl + wheel zooms at the pointer, a mouse drag pans.
 * Zooming resizes the SVG and panning scrolls the frame, so scrollbars, keyboard
 * scrolling and touch panning keep working as without the script. */
(function () {
  "use strict";
  var STEP = 1.25, MAX = 4;

  function setup(root) {
    var frame = root.querySelector(".pz-frame"), svg = frame && frame.querySelector("svg");
    var tools = root.querySelector(".pz-tools"), level = root.querySelector(".pz-level");
    if (!svg || !tools || root.hasAttribute("data-pz-ready")) return;
    root.setAttribute("data-pz-ready", "");
    var width = parseFloat(svg.getAttribute("width")), height = parseFloat(svg.getAttribute("height"));
    if (!(width > 0 && height > 0)) return;
    var scale = 1;

    function fit() { return Math.min(1, (frame.clientWidth - 4) / width); }

    function zoom(next, cx, cy) {
      next = Math.max(Math.min(fit(), 0.5) / 2, Math.min(MAX, next));
      if (cx === undefined) { cx = frame.clientWidth / 2; cy = frame.clientHeight / 2; }
      var x = (frame.scrollLeft + cx) / scale, y = (frame.scrollTop + cy) / scale;
      scale = next;
      svg.style.width = width * scale + "px";
      svg.style.height = height * scale + "px";
      frame.scrollLeft = x * scale - cx;
      frame.scrollTop = y * scale - cy;
      if (level) level.textContent = Math.round(scale * 100) + " %";
    }

    tools.addEventListener("click", function (event) {
      var action = event.target.closest("[data-pz]");
      if (!action) return;
      var what = action.getAttribute("data-pz");
      if (what === "in") zoom(scale * STEP);
      else if (what === "out") zoom(scale / STEP);
      else if (what === "fit") zoom(fit(), 0, 0);
      else zoom(1);
    });

    frame.addEventListener("wheel", function (event) {
      if (!event.ctrlKey && !event.metaKey) return; // a plain wheel scrolls as usual
      event.preventDefault();
      var box = frame.getBoundingClientRect();
      var factor = event.deltaY < 0 ? STEP : 1 / STEP;
      zoom(scale * factor, event.clientX - box.left, event.clientY - box.top);
    }, { passive: false });

    frame.addEventListener("keydown", function (event) {
      if (event.key === "+" || event.key === "=") zoom(scale * STEP);
      else if (event.key === "-") zoom(scale / STEP);
      else return;
      event.preventDefault();
    });

    var drag = null;
    frame.addEventListener("pointerdown", function (event) {
      if (event.pointerType !== "mouse" || event.button !== 0) return; // touch pans natively
      drag = { x: event.clientX, y: event.clientY, left: frame.scrollLeft, top: frame.scrollTop };
      frame.setPointerCapture(event.pointerId);
      frame.classList.add("pz-dragging");
    });
    frame.addEventListener("pointermove", function (event) {
      if (!drag) return;
      frame.scrollLeft = drag.left - (event.clientX - drag.x);
      frame.scrollTop = drag.top - (event.clientY - drag.y);
    });
    function stop() { drag = null; frame.classList.remove("pz-dragging"); }
    frame.addEventListener("pointerup", stop);
    frame.addEventListener("pointercancel", stop);

    tools.hidden = false;
    root.classList.add("pz-ready");
    if (fit() >= 0.75 && fit() < 1) zoom(fit(), 0, 0); // nearly fits: show it whole
  }

  function start() { document.querySelectorAll("[data-panzoom]").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
