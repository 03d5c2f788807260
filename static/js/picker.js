// Suggestions in a long service list's name box: as the owner types, the names we list that contain
// what was typed become the box's <datalist>, which the browser offers below it. Without JavaScript
// the box works the same: sending the page takes a name we list, and lists the matches of part of one.
(function () {
  "use strict";

  function suggest(box, index) {
    var list = document.createElement("datalist");
    list.id = "picker-names-" + index;
    box.after(list);
    box.setAttribute("list", list.id);
    var timer = null;
    var asked = "";

    function fill(names) {
      list.replaceChildren.apply(list, names.map(function (name) {
        var option = document.createElement("option");
        option.value = name;
        return option;
      }));
    }

    box.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var typed = box.value.trim();
        if (typed.length < 2 || typed === asked) {
          return;
        }
        asked = typed;
        fetch(box.dataset.names + "?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { names: [] }; })
          .then(function (found) {
            if (asked === typed) {
              fill(found.names);
            }
          })
          .catch(function () { /* no suggestions: sending the page still finds the name */ });
      }, 150);
    });
  }

  document.querySelectorAll("input.picker-name[data-names]").forEach(suggest);
})();
