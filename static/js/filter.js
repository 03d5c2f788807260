// A filter box above each long list of services: typing narrows the list to matching names.
// Ticked services always stay in view. Without JavaScript the whole list shows, which works too.
(function () {
  "use strict";

  function addFilter(picker, index) {
    var fieldset = picker.querySelector("fieldset");
    var options = picker.querySelectorAll(".form-check");
    var box = picker.nextElementSibling && picker.nextElementSibling.querySelector("input.picker-name");
    if (!fieldset || options.length < 10 || box) {
      return; // a long list shows a few services and has its own name box (picker.js) instead
    }
    var legend = fieldset.querySelector("legend");
    var wrap = document.createElement("div");
    wrap.className = "picker-filter";
    var label = document.createElement("label");
    label.className = "picker-filter-label";
    label.htmlFor = "picker-filter-" + index;
    label.textContent = "Filter the list";
    var what = document.createElement("span");
    what.className = "visually-hidden";
    what.textContent = " of " + (legend ? legend.textContent.replace("*", "").trim().toLowerCase() : "services");
    label.append(what);
    var input = document.createElement("input");
    input.type = "search";
    input.id = label.htmlFor;
    input.className = "form-control form-control-sm";
    input.autocomplete = "off";
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");

    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault(); // Enter here filters; it must not send the page
      }
    });
    input.addEventListener("input", function () {
      var query = input.value.trim().toLowerCase();
      var shown = 0;
      options.forEach(function (option) {
        var box = option.querySelector("input");
        var match = !query || option.textContent.toLowerCase().indexOf(query) !== -1 || (box && box.checked);
        option.hidden = !match;
        shown += match ? 1 : 0;
      });
      status.textContent = shown + " of " + options.length + " shown";
    });
    wrap.append(label, input, status);
    if (legend) {
      legend.after(wrap);
    } else {
      fieldset.prepend(wrap);
    }
  }

  document.querySelectorAll(".service-picker").forEach(addFilter);
})();
