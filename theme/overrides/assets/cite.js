/* PlanPress: copy buttons for "Cite this". Without this script the texts are
   still there to select; the buttons stay hidden. */
(function () {
  "use strict";
  function setUp(root) {
    root.querySelectorAll("button[data-pp-copy]").forEach(function (button) {
      if (button.dataset.ppReady) { return; }
      button.dataset.ppReady = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        var source = document.getElementById(button.dataset.ppCopy);
        var status = button.closest(".pp-cite-block").querySelector(".pp-copy-status");
        if (!source) { return; }
        var text = source.textContent;
        var done = function () { if (status) { status.textContent = button.dataset.ppCopied; } };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, function () { select(source); });
        } else {
          select(source);
        }
      });
    });
  }
  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { setUp(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  }
})();
