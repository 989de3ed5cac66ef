/* The inbox after htmx claims or releases an activity: the inbox is redrawn (the row in
 * the section it now belongs to) and the focus, lost with the old button, moves to the
 * acted-on row's new button, or to the message said about it when the row is not on the
 * page. Without this script (or htmx) the forms post and the page comes back whole. */
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function () {
    var acted = document.querySelector("#bandeja [data-acted]");
    if (!acted) return;
    var target = acted.tagName === "TR" ? acted.querySelector("button") || acted.querySelector("a") : acted;
    if (target) target.focus();
  });
})();
