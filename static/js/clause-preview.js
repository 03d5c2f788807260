// The clause editor's live preview: re-render the clause and the policy for the chosen sample shop as
// the editor types. Progressive enhancement: without this script, "Preview changes" opens the same
// preview in a new tab. No inline scripts (the site's CSP forbids them).
(function () {
  "use strict";

  const panel = document.getElementById("clause-preview");
  const result = document.getElementById("clause-preview-result");
  if (!panel || !result || !window.fetch || !window.FormData) {
    return;
  }
  const sample = document.getElementById("preview-sample");
  const form = sample ? sample.form : null;
  if (!form) {
    return;
  }
  const url = panel.dataset.previewUrl;
  let timer = null;
  let pending = null;

  async function refresh() {
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    panel.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url + "?fragment=1", {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        signal: pending.signal,
      });
      if (!response.ok) {
        throw new Error("the server answered " + response.status);
      }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      result.replaceChildren(...page.body.childNodes);
    } catch (error) {
      if (error.name !== "AbortError") {
        result.textContent = "The preview could not be updated: " + error.message + ".";
      }
    } finally {
      panel.removeAttribute("aria-busy");
    }
  }

  function refreshSoon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  }

  form.addEventListener("input", refreshSoon);
  form.addEventListener("change", refreshSoon);
  sample.addEventListener("change", refresh);  // outside the <form> element: its events do not reach it
  const button = panel.querySelector(".clause-preview-button");
  if (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      refresh();
    });
  }
})();
