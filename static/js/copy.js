// "Copy" buttons. A button copies what its data-copy-from names (a text field's value, or the markup of
// an element: the policy shown on the result page) or what its data-copy-url answers (the text export),
// so the page carries the policy only once. Without JavaScript the buttons stay hidden and the page links
// to a copy page with the text in a field, to select and copy by hand; that is also where a refusal goes.
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

  function contentOf(button) {
    if (button.dataset.copyUrl) {
      return fetch(button.dataset.copyUrl, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error("answered " + response.status);
        }
        return response.text();
      });
    }
    var source = document.getElementById(button.dataset.copyFrom);
    return Promise.resolve(source.tagName === "TEXTAREA" ? source.value : source.innerHTML.trim());
  }

  function say(button, message) {
    var area = button.closest("section, aside");
    var status = area ? area.querySelector(".js-copy-status") : null;
    if (status) {
      status.textContent = message;
    }
  }

  function refused(button) {
    var source = document.getElementById(button.dataset.copyFrom || "");
    if (source && source.tagName === "TEXTAREA") {
      source.focus();
      source.select();
      say(button, "Your browser did not allow copying: the text is selected, press Ctrl+C or Cmd+C.");
    } else {
      say(button, "Your browser did not allow copying: open the HTML or the text on its own page, below.");
    }
  }

  document.querySelectorAll(".js-copy").forEach(function (button) {
    if (!button.dataset.copyUrl && !document.getElementById(button.dataset.copyFrom)) {
      return;
    }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      contentOf(button).then(copyText).then(
        function () {
          button.textContent = "Copied";
          say(button, "Copied to the clipboard.");
          window.setTimeout(function () { button.textContent = label; }, 2500);
        },
        function () { refused(button); }
      );
    });
  });
})();
