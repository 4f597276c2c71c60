/* Keyboard access to Material's header menu and search buttons (WCAG 2.1.1).
 *
 * On phones and tablets the menu (navigation drawer) and search open from
 * <label> icons, which a keyboard cannot reach or press. Each is replaced by
 * a <button> with the same icon, named in the page's language (the names the
 * theme already gives the navigation and the search dialog), which Enter and
 * Space press natively. Opening the menu moves focus to its first link; Escape closes it and
 * returns focus to the button. Tabbing on past search closes it. bf.css hides the closed drawer, so Tab never
 * lands on a link nobody can see.
 * A file, never inline: the Content-Security-Policy allows no inline script we write.
 */
(function () {
  "use strict";

  function name(selector) {
    var el = document.querySelector(selector);
    return el ? el.getAttribute("aria-label") : null;
  }

  var names = { __drawer: name(".md-nav--primary"), __search: name(".md-search[role=dialog]") };

  // Each icon label gets a real <button> twin (Enter and Space work natively); the label is hidden.
  document.querySelectorAll(".md-header label.md-header__button[for]").forEach(function (label) {
    var id = label.htmlFor, toggle = document.getElementById(id);
    if (!toggle || !(id in names)) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon bf-header-button";
    button.setAttribute("data-bf-for", id);
    if (names[id]) button.setAttribute("aria-label", names[id]);
    button.innerHTML = label.innerHTML;  // the theme's own icon
    // Each opener says what it opens (its name) and whether it is open; search opens a dialog.
    if (id === "__search") button.setAttribute("aria-haspopup", "dialog");
    button.setAttribute("aria-expanded", String(toggle.checked));
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    });
    button.addEventListener("click", function () {
      toggle.click();  // Material follows the checkbox's change event
      if (!toggle.checked) return;
      var target = id === "__drawer"
        ? document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]")
        : document.querySelector(".md-search__input");
      if (target) setTimeout(function () { target.focus(); }, 50);
    });
    label.classList.add("bf-replaced");
    label.after(button);
  });

  // Search is a dialog: when focus moves on past it, close it, or on phones the next
  // links would be focused behind the full-screen search, where nobody can see them.
  document.addEventListener("focusin", function (event) {
    var search = document.getElementById("__search");
    if (search && search.checked && !event.target.closest(".md-search, [data-bf-for=__search]")) search.click();
  });

  // On phones the closed search is hidden (bf.css: out of the accessibility tree until it opens), so the
  // theme's shortcut keys (/, s, f), which focus its field, open it first; this runs before the theme's handler.
  window.addEventListener("keydown", function (event) {
    var search = document.getElementById("__search"), target = event.target;
    if (!search || search.checked || event.ctrlKey || event.metaKey || event.altKey) return;
    if (["/", "s", "f"].indexOf(event.key) < 0 || target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (window.matchMedia("(max-width: 59.984375em)").matches) search.click();
  }, true);

  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key !== "Escape" || !drawer || !drawer.checked) return;
    drawer.click();
    var button = document.querySelector(".bf-header-button[data-bf-for=__drawer]");
    if (button) button.focus();
  });
})();
