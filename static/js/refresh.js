// Reload the page after the seconds an element's data-refresh-seconds gives: the result page does this
// while the worker prepares a PDF. Without JavaScript, the page offers a link that does the same.
(function () {
  "use strict";
  var marked = document.querySelector("[data-refresh-seconds]");
  if (!marked) {
    return;
  }
  var seconds = parseInt(marked.getAttribute("data-refresh-seconds"), 10) || 5;
  window.setTimeout(function () {
    window.location.reload();
  }, seconds * 1000);
})();
