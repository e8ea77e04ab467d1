// Generated from catalog.yaml by error-catalog. Do not edit: change catalog.yaml and run the generator.
// The site's only script (the Content-Security-Policy allows no other): the index filter, copy buttons
// and a language switch that keeps the fragment. Every page works without it.
"use strict";
(() => {
  const filter = document.getElementById("filter");
  if (filter) {
    const items = [...document.querySelectorAll("li[data-filter]")];
    const apply = () => {
      const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const item of items) {
        const text = item.getAttribute("data-filter").toLowerCase();
        const match = words.every((w) => text.includes(w));
        item.hidden = !match;
        if (match) shown++;
      }
      for (const section of document.querySelectorAll("section.group")) section.hidden = ![...section.querySelectorAll("li")].some((li) => !li.hidden);
      document.getElementById("no-match").hidden = shown > 0;
    };
    filter.addEventListener("input", apply);
    apply();
  }
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", () => navigator.clipboard?.writeText(button.getAttribute("data-copy")));
  }
  for (const link of document.querySelectorAll("a[data-keep-fragment]")) {
    link.addEventListener("click", () => {
      link.href = link.href.split("#")[0] + location.hash;
    });
  }
})();
