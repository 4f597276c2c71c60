/* Fetch the page's scripts only after it has been drawn (issue 7: a first
 * visit downloads at most 50 KB gzip before the page shows).
 *
 * Chromium's preload scanner requests every <script src> it sees while the
 * HTML is still arriving, deferred or not, so the ~40 KB of scripts at the end
 * of each page downloaded alongside the style sheets and before the first
 * paint. hooks/bicentennial/publish/page_weight.py puts this one small deferred file there
 * instead; its tag's data-bf-scripts attribute lists their relative URLs in
 * order (bf-search-on-use.js, Material's bundle, bf.js, bf-keys.js). This file
 * waits for the first contentful paint (paint timing; without it, the next
 * frame; in a hidden tab, nothing to wait for; at most 3 s in any case), then
 * inserts them with async = false: they download together and run in order.
 *
 * Material's bundle starts on DOMContentLoaded, which has usually fired by
 * then. As with the deferred tags (all ran, then DOMContentLoaded), the event
 * is dispatched once after the last script has run if the real one came
 * before (Material listens once, so it never starts twice). Then <html> gets
 * data-bf-ready (the browser tests wait for it).
 * A file, never inline: the Content-Security-Policy allows no inline script we write.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var urls = ((me && me.getAttribute("data-bf-scripts")) || "").split(/\s+/).filter(Boolean);
  var contentLoaded = document.readyState === "complete";
  document.addEventListener("DOMContentLoaded", function () { contentLoaded = true; }, { once: true });

  function ready() {
    document.documentElement.setAttribute("data-bf-ready", "");
  }

  function finish() {
    if (contentLoaded) {
      document.dispatchEvent(new Event("DOMContentLoaded", { bubbles: true }));
      ready();
    } else {
      document.addEventListener("DOMContentLoaded", ready, { once: true });
    }
  }

  function insertScripts() {
    var left = urls.length;
    if (!left) return finish();
    urls.forEach(function (url) {
      var script = document.createElement("script");
      script.src = url;
      script.async = false;  // run in insertion order, as soon as each and those before it are in
      script.addEventListener("load", done);
      script.addEventListener("error", done);
      document.body.appendChild(script);
    });
    function done() {
      left -= 1;
      if (left === 0) finish();
    }
  }

  function afterFirstPaint(run) {
    var started = false;
    function go() {
      if (started) return;
      started = true;
      run();
    }
    if (document.visibilityState === "hidden") return go();  // no paint to wait for
    setTimeout(go, 3000);
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (types.indexOf("paint") >= 0) {
      try {
        new PerformanceObserver(function (list, observer) {
          if (!list.getEntriesByName("first-contentful-paint").length) return;
          observer.disconnect();
          go();
        }).observe({ type: "paint", buffered: true });
        return;
      } catch (e) { /* fall through to the next frame */ }
    }
    requestAnimationFrame(function () { setTimeout(go, 0); });
  }

  afterFirstPaint(insertScripts);
})();
