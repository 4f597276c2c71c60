/* Browse and read (issue 12): the reader's language offered.
 *
 * The offer: when the browser's first preferred language that the site has
 * (navigator.languages) is not the page's, a small note in that language links
 * to the same page in it (the language switcher's own link, so it works under
 * any sub-path). Never a redirect, no request. Once the reader has chosen --
 * followed the offer, dismissed it, or used a language switch (Material's
 * .md-select__link[hreflang] or any [data-bf-lang-switch]) -- localStorage
 * remembers it and the offer never shows again. It is fixed to the bottom of
 * the window (nothing moves when it appears), placed right after the header so
 * the keyboard reaches it soon, Escape dismisses it, and its text is announced
 * politely (a status region filled after it is in the page). While it shows,
 * the footer ends with room for it, so it hides none of the page's text.
 * The text is that of hooks/bicentennial/content/ui.py (offer_*), which
 * tests/unit/test_browse.py keeps equal to this copy.
 */
(function () {
  "use strict";

  var KEY = "bf-language-chosen";
  var TEXT = {
    en: { question: "Prefer English?", link: "Read this page in English", dismiss: "No, thanks" },
    es: { question: "¿Prefiere leer en español?", link: "Ver esta página en español", dismiss: "No, gracias" }
  };
  var SWITCH = "[data-bf-lang-switch], .md-select__link[hreflang]";

  function remember() {
    try { localStorage.setItem(KEY, "1"); } catch (e) { /* storage off: the offer may show again */ }
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(SWITCH)) remember();
  }, true);

  // What was decided, on <html data-bf-offer>: "chosen", "none" or "shown" (tests wait on it, not on a clock).
  function decided(state) { document.documentElement.setAttribute("data-bf-offer", state); }

  var chosen = true;
  try { chosen = localStorage.getItem(KEY) !== null; } catch (e) { /* no storage: never offer */ }
  if (chosen) return decided("chosen");

  var page = document.documentElement.lang;
  var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  var want = null;
  for (var i = 0; i < prefs.length && !want; i++) {
    var code = String(prefs[i]).toLowerCase().split("-")[0];
    if (TEXT[code]) want = code;
  }
  if (!want || want === page) return decided("none");
  var target = document.querySelector('.md-select__link[hreflang="' + want + '"], [data-bf-lang-switch][hreflang="' + want + '"]');
  if (!target) return decided("none");

  var text = TEXT[want];
  var offer = document.createElement("div");
  offer.className = "bf-offer";
  offer.lang = want;
  offer.setAttribute("role", "status");
  offer.setAttribute("aria-live", "polite");
  var header = document.querySelector(".md-header");  // the keyboard meets it right after the header's controls
  if (header) header.after(offer); else document.body.prepend(offer);

  function dismiss() {
    var hadFocus = offer.contains(document.activeElement);
    remember();
    offer.remove();
    document.documentElement.classList.remove("bf-offer-open");
    if (hadFocus) {
      var main = document.querySelector("main") || document.body;
      main.setAttribute("tabindex", "-1");
      main.focus({ preventScroll: true });
    }
  }

  // Filled in a later frame, so the empty live region is in the page first and its text is announced.
  requestAnimationFrame(function () {
    setTimeout(function () {
      var p = document.createElement("p");
      var question = document.createElement("span");
      question.textContent = text.question + " ";
      var link = document.createElement("a");
      link.href = target.href;
      link.hreflang = want;
      link.textContent = text.link;
      link.addEventListener("click", remember);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "bf-offer__dismiss";
      button.textContent = text.dismiss;
      button.addEventListener("click", dismiss);
      p.append(question, link, " ", button);
      offer.append(p);
      offer.addEventListener("keydown", function (event) {
        if (event.key === "Escape") dismiss();
      });
      // Room under the footer, so the offer covers no text once the reader has scrolled to the end (bf.css).
      document.documentElement.style.setProperty("--bf-offer-room", offer.offsetHeight + "px");
      document.documentElement.classList.add("bf-offer-open");
      decided("shown");
    }, 50);
  });
})();
