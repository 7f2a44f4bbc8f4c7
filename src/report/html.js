"use strict";
// Filters for the crosscheck report. The page reads fine without this script;
// it only hides pairs and facts that do not match the chosen verdict, concept
// and source, and records what it counted on the root element.
(function () {
  var root = document.documentElement;
  var errors = 0;
  window.addEventListener("error", function () {
    errors += 1;
    root.setAttribute("data-errors", String(errors));
  });
  var form = document.getElementById("filters");
  var verdict = document.getElementById("f-verdict");
  var concept = document.getElementById("f-concept");
  var source = document.getElementById("f-source");
  var count = document.getElementById("f-count");
  var pairs = document.querySelectorAll("article.pair");
  var groups = document.querySelectorAll("tr.group");
  var stories = document.querySelectorAll("section.story");

  function hasSource(el, s) {
    return s === "" || (el.getAttribute("data-sources") || "").split("\n").indexOf(s) >= 0;
  }

  function apply() {
    var v = verdict.value, c = concept.value, s = source.value;
    var shown = 0;
    pairs.forEach(function (el) {
      var ok = (v === "" || el.getAttribute("data-verdict") === v) &&
        (c === "" || el.getAttribute("data-concept") === c) && hasSource(el, s);
      el.hidden = !ok;
      if (ok) { shown += 1; }
    });
    groups.forEach(function (el) {
      var disputed = el.classList.contains("disputed");
      var ok = (c === "" || el.getAttribute("data-concept") === c) && hasSource(el, s) &&
        (v === "" || v === "consistent" || disputed);
      el.hidden = !ok;
    });
    var filtering = v !== "" || c !== "" || s !== "";
    stories.forEach(function (st) {
      st.hidden = filtering && st.querySelector("article.pair:not([hidden])") === null;
    });
    count.textContent = shown + " of " + pairs.length + " aligned pairs";
  }

  // A link may preset the filters: #filter:verdict=conflict&concept=troops&source=AFP
  function preset() {
    var h = window.location.hash;
    if (h.indexOf("#filter:") !== 0) { return; }
    h.slice(8).split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      var key = decodeURIComponent(kv.slice(0, i)), value = decodeURIComponent(kv.slice(i + 1));
      var el = { verdict: verdict, concept: concept, source: source }[key];
      if (el && Array.prototype.some.call(el.options, function (o) { return o.value === value; })) {
        el.value = value;
      }
    });
  }

  if (form && verdict && concept && source && count) {
    form.hidden = false;
    preset();
    [verdict, concept, source].forEach(function (el) { el.addEventListener("change", apply); });
    window.addEventListener("hashchange", function () {
      if (window.location.hash.indexOf("#filter:") === 0) {
        verdict.value = ""; concept.value = ""; source.value = "";
        preset();
        apply();
      }
    });
    apply();
  }
  root.setAttribute("data-counted-stories", String(stories.length));
  root.setAttribute("data-counted-conflicts",
    String(document.querySelectorAll("article.pair[data-verdict=conflict]").length));
  root.setAttribute("data-js", "ok");
}());
