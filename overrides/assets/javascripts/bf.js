/* The site's own script: "copy link" buttons for the page and next to every section heading, copy buttons on
 * citations, and the reader's "accessed on" date in citations.
 *
 * Loaded from a file (extra_javascript), never inline, so a strict
 * Content-Security-Policy needs no 'unsafe-inline'. Without it the pages still
 * work: citations show "[date]", and the copy buttons stay hidden.
 * Every copy is announced in an aria-live region (also shown as a short notice).
 */
(function () {
  "use strict";

  var UI = {
    en: {
      copyPage: "Copy link",
      copyPageLabel: "Copy link to this page",
      copySection: "Copy link to section: ",  // icon only: no visible label to repeat
      linkCopied: "Link copied",
      citeCopied: "Citation copied",
      failed: "Could not copy: select the text and copy it by hand.",
      locale: "en-US"
    },
    es: {
      copyPage: "Copiar enlace",
      copyPageLabel: "Copiar enlace a esta página",  // WCAG 2.5.3: the visible label starts the name
      copySection: "Copiar enlace a la sección: ",
      linkCopied: "Enlace copiado",
      citeCopied: "Cita copiada",
      failed: "No se pudo copiar: seleccione el texto y cópielo a mano.",
      locale: "es-MX"
    }
  };
  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5 5 0 0 1 0-7.07l3.54-3.54a5 5 0 0 1 7.07 0 ' +
    '5 5 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a3 3 0 0 0 0-4.24 3 3 0 0 0-4.24 0l-3.53 3.53a3 3 0 0 0 ' +
    '0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5 5 0 0 1 0 7.07l-3.54 3.54a5 5 0 0 1-7.07 0 5 5 0 0 1 0-7.07l1.49-1.49c-.01.82' +
    '.12 1.64.4 2.43l-.47.47a3 3 0 0 0 0 4.24 3 3 0 0 0 4.24 0l3.53-3.53a3 3 0 0 0 0-4.24 1 1 0 0 1 0-1.42"/></svg>';

  function langOf(el) {
    var holder = el.closest("[lang]");
    var code = (holder ? holder.getAttribute("lang") : "en").slice(0, 2).toLowerCase();
    return UI[code] ? code : "en";
  }
  var ui = UI[langOf(document.documentElement)];

  var live = document.createElement("div");
  live.className = "bf-live";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);
  var liveTimer;
  function announce(message) {
    live.textContent = "";
    clearTimeout(liveTimer);
    // A fresh text node after a tick, so the same message is announced again.
    setTimeout(function () { live.textContent = message; }, 50);
    liveTimer = setTimeout(function () { live.textContent = ""; }, 4000);
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "bf-offscreen";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }
  function copy(text, done, button) {
    var attempt = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); })
      : fallbackCopy(text);
    attempt.then(function () {
      announce(done);
      if (button) {
        button.classList.add("bf-copied");
        setTimeout(function () { button.classList.remove("bf-copied"); }, 2000);
      }
    }, function () { announce(ui.failed); });
  }

  function canonical() {
    var link = document.querySelector('link[rel="canonical"]');
    return link ? link.href : location.href.split("#")[0];
  }

  /* "Copy link" for the page (in the actions row under the title) and for every section heading.
   * The buttons sit next to their headings, never inside them, so a heading's accessible name is its
   * own text (issue 17). publish/page_frame.py reserves their places: the page's in
   * <div data-bf-actions> under the h1, a section's in the <div class="bf-h"> around its heading. */
  function addPermalinks() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) return;
    var base = canonical();
    function button(url, label, visible) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = visible ? "bf-permalink bf-permalink--page" : "bf-permalink";
      b.setAttribute("data-bf-url", url);
      b.setAttribute("aria-label", label);
      b.title = label;
      b.innerHTML = ICON + (visible ? '<span class="bf-permalink__text">' + visible + "</span>" : "");
      b.addEventListener("click", function () { copy(url, ui.linkCopied, b); });
      return b;
    }
    var actions = article.querySelector("[data-bf-actions]");
    if (actions) actions.appendChild(button(base, ui.copyPageLabel, ui.copyPage));
    article.querySelectorAll(".bf-h > [id]").forEach(function (h) {
      if (!/^H[2-6]$/.test(h.tagName)) return;
      h.after(button(base + "#" + h.id, ui.copySection + h.textContent.trim(), null));
    });
    // In the same task, so no frame shows both: the buttons replace the blanks holding their places (bf-staff.css).
    document.documentElement.classList.add("bf-permalinks");
  }

  /* Citations: the reader's date, then a working copy button. */
  function setupCitations() {
    var today = new Date();
    document.querySelectorAll("[data-bf-accessed]").forEach(function (span) {
      span.textContent = today.toLocaleDateString(UI[langOf(span)].locale,
        { year: "numeric", month: "long", day: "numeric" });
    });
    document.querySelectorAll("button[data-bf-copy]").forEach(function (button) {
      var target = document.getElementById(button.getAttribute("data-bf-copy"));
      if (!target) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(target.textContent.replace(/\s+/g, " ").trim(), ui.citeCopied, button);
      });
    });
  }

  setupCitations();
  addPermalinks();
})();
