/* Load the search index and the search worker only when the reader uses search,
 * and never fetch the sitemaps Material asks for on every page.
 *
 * Material's search fetches search/search_index.json and starts its worker as
 * soon as its bundle runs, on every page: the largest download of a first
 * visit (and it grows with the framework: megabytes at 100×, see bench/).
 * This file runs just before the bundle (hooks/bicentennial/publish/page_weight.py puts it
 * there, deferred like the bundle) and holds both until the reader opens
 * search: focus in the search box (the s, f and / keys focus it too), a click
 * or tap on the search button or box, or an address that carries a search
 * (?q= or ?h=).
 *
 * Material's bundle also requests sitemap.xml beside every <link rel="alternate">
 * of the page (three requests a page view; on a home page the whole site's
 * sitemap, megabytes at 100×), to send a click on a link into another language
 * to the same page there. This site's language link already goes to the same
 * page, and Material sent it to the address without its final slash (a
 * redirect). Those requests are answered here with an abort, which Material
 * takes as "no sitemap" and records no mapping: nothing is fetched, and links
 * are followed as written. tests/browser/test_seo_browser.py checks both.
 * Everything else Material does is unchanged.
 */
(function () {
  "use strict";

  /* Search: hold the index request and the worker until search is used. */
  var ready = /[?&](q|h)=/.test(location.search);
  var queue = [];
  function useSearch() {
    if (ready) return;
    ready = true;
    var run = queue;
    queue = [];
    run.forEach(function (fn) { fn(); });
  }
  function whenReady(fn) {
    if (ready) fn(); else queue.push(fn);
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.bfSearchIndex = /\/search\/search_index\.json(\?|$)/.test(String(url));
    this.bfSitemap = /(^|\/)sitemap\.xml$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr.bfSitemap) {
      setTimeout(function () { xhr.dispatchEvent(new ProgressEvent("abort")); }, 0);
      return;
    }
    if (!xhr.bfSearchIndex) return send.apply(xhr, args);
    whenReady(function () { send.apply(xhr, args); });
  };

  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    var self = this;
    self.pending = [];
    self.listeners = [];
    whenReady(function () {
      self.worker = new RealWorker(url, options);
      self.listeners.forEach(function (l) { self.worker.addEventListener(l[0], l[1], l[2]); });
      self.pending.forEach(function (m) { self.worker.postMessage(m); });
      self.pending = self.listeners = null;
    });
  }
  LazyWorker.prototype.postMessage = function (message) {
    if (this.worker) this.worker.postMessage(message); else this.pending.push(message);
  };
  LazyWorker.prototype.addEventListener = function (type, fn, options) {
    if (this.worker) this.worker.addEventListener(type, fn, options); else this.listeners.push([type, fn, options]);
  };
  LazyWorker.prototype.removeEventListener = function (type, fn, options) {
    if (this.worker) this.worker.removeEventListener(type, fn, options);
    else this.listeners = this.listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
  };
  LazyWorker.prototype.terminate = function () {
    if (this.worker) this.worker.terminate(); else this.pending = [];
  };
  if (RealWorker) {
    window.Worker = function (url, options) {
      return /\/workers\/[^/?]*search[^/?]*\.js/.test(String(url)) && !ready
        ? new LazyWorker(url, options) : new RealWorker(url, options);
    };
  }

  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.name === "query") useSearch();
  });
  document.addEventListener("pointerdown", function (event) {
    var t = event.target;
    if (t && t.closest && t.closest("label[for=__search], .md-search")) useSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) useSearch();
  });
})();
