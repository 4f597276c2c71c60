/* The 404 page in the reader's language (see hooks/bicentennial/publish/not_found.py).
 *
 * GitHub Pages answers every missing address with the site's root 404.html,
 * which is English. Under <root>es/ this script, loaded from the head before
 * anything is drawn, replaces it with <root>es/404.html; that page then puts
 * the address the reader asked for back in the address bar, so it can be
 * corrected. The site's root and languages come from the script tag's
 * data-bf-root and data-bf-langs attributes (no inline script).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script && script.getAttribute("data-bf-root");
  if (!root) return;
  var langs = (script.getAttribute("data-bf-langs") || "").split(" ");
  var pageLang = document.documentElement.lang;
  var path = location.pathname;

  for (var i = 0; i < langs.length; i++) {
    var base = root + langs[i] + "/";
    if (!langs[i] || path.indexOf(base) !== 0) continue;
    var target = base + "404.html";
    if (pageLang !== langs[i] && path !== target) {
      document.documentElement.hidden = true; // no flash of English while the Spanish page loads
      location.replace(target + "?from=" + encodeURIComponent(path + location.search + location.hash));
      return;
    }
  }

  // On a language's own 404 page: show the address the reader asked for.
  var from = new URLSearchParams(location.search).get("from");
  var own = root + pageLang + "/";
  if (from && from.indexOf(own) === 0) {
    history.replaceState(null, "", from);
  }
})();
