// "Copy" buttons: each copies the text of the field named in data-copy-from.
// The buttons stay hidden without JavaScript; the text is there to select and copy by hand.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var buffer = document.createElement("textarea");
      buffer.value = text;
      buffer.setAttribute("readonly", "");
      buffer.className = "copy-buffer";
      document.body.appendChild(buffer);
      buffer.select();
      var copied = document.execCommand("copy");
      buffer.remove();
      if (copied) {
        resolve();
      } else {
        reject(new Error("copy refused"));
      }
    });
  }

  function say(button, message) {
    var area = button.closest("section, aside");
    var status = area ? area.querySelector(".js-copy-status") : null;
    if (status) {
      status.textContent = message;
    }
  }

  document.querySelectorAll(".js-copy").forEach(function (button) {
    var source = document.getElementById(button.dataset.copyFrom);
    if (!source) {
      return;
    }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(source.value).then(
        function () {
          button.textContent = "Copied";
          say(button, "Copied to the clipboard.");
          window.setTimeout(function () { button.textContent = label; }, 2500);
        },
        function () {
          var details = source.closest("details");
          if (details) {
            details.open = true;
          }
          source.focus();
          source.select();
          say(button, "Your browser did not allow copying: the text is selected, press Ctrl+C or Cmd+C.");
        }
      );
    });
  });
})();
