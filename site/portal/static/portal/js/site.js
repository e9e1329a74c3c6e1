// The site's only script: progressive enhancement. Without it the menu is simply open and
// every link and form works.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  // Header menu on phones: a real button with aria-expanded controlling the menu panel.
  var toggle = document.querySelector(".menu-toggle");
  var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (toggle && menu) {
    var set = function (open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-collapsed", !open);
    };
    toggle.hidden = false;
    set(false);
    toggle.addEventListener("click", function () {
      set(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        set(false);
        toggle.focus();
      }
    });
  }

  // Disclosure menus (<details>): Escape closes them and returns focus to their summary.
  document.querySelectorAll("details.lang-menu").forEach(function (details) {
    details.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && details.open) {
        details.open = false;
        details.querySelector("summary").focus();
      }
    });
  });

  // Filter panels start open on wide screens, folded on phones.
  var wide = window.matchMedia("(min-width: 48rem)");
  document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
    if (wide.matches) details.open = true;
  });

  document.querySelectorAll(".print-button").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
