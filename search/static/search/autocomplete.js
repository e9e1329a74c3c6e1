// Search as you type: progressive enhancement of the search box. Without JavaScript the
// form still submits to the search page; with it, a list of matching titles appears.
(function () {
  "use strict";
  document.querySelectorAll("form[data-autocomplete-url]").forEach(function (form) {
    var input = form.querySelector("input[name=q]");
    var list = form.querySelector("[data-autocomplete-list]");
    if (!input || !list) return;
    var timer = null;
    var controller = null;
    function clear() {
      list.replaceChildren();
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }
    function show(results) {
      list.replaceChildren();
      results.forEach(function (item, index) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.id = list.id + "-" + index;
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = item.title;
        var kind = document.createElement("span");
        kind.className = "autocomplete-type";
        kind.textContent = item.type;
        a.appendChild(kind);
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { clear(); return; }
      timer = setTimeout(function () {
        if (controller) controller.abort();
        controller = new AbortController();
        var url = form.dataset.autocompleteUrl + "?q=" + encodeURIComponent(q);
        fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) { show(data.results || []); })
          .catch(function () {});
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") clear();
      if (event.key === "ArrowDown" && !list.hidden) {
        var first = list.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });
    list.addEventListener("keydown", function (event) {
      var current = document.activeElement.closest("li");
      if (!current) return;
      if (event.key === "ArrowDown" && current.nextElementSibling) {
        event.preventDefault(); current.nextElementSibling.querySelector("a").focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (current.previousElementSibling) current.previousElementSibling.querySelector("a").focus();
        else input.focus();
      } else if (event.key === "Escape") { clear(); input.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) clear();
    });
  });
})();
