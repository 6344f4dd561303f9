// Search page: Pagefind's UI, which fetches index chunks for each query.
(function () {
  var box = document.getElementById("pagefind-search");
  if (!box || typeof PagefindUI === "undefined") return;
  new PagefindUI({ element: "#pagefind-search", showImages: false, showSubResults: true });
})();

// Entity index: buttons that show one type of entity at a time.
(function () {
  var headings = document.querySelectorAll("h2[data-type]");
  if (!headings.length) return;
  var group = document.createElement("div");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "Show entities of one type");
  group.className = "digest-filter";
  var types = [["", "All"]];
  headings.forEach(function (h) {
    types.push([h.getAttribute("data-type"), h.textContent.replace(/\s*¶?\s*$/, "")]);
  });
  function show(type) {
    document.querySelectorAll("[data-type]").forEach(function (el) {
      el.hidden = Boolean(type) && el.getAttribute("data-type") !== type;
    });
    group.querySelectorAll("button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.value === type));
    });
  }
  types.forEach(function (pair) {
    var button = document.createElement("button");
    button.type = "button";
    button.value = pair[0];
    button.textContent = pair[1];
    button.className = "md-button";
    button.addEventListener("click", function () { show(pair[0]); });
    group.appendChild(button);
  });
  headings[0].parentNode.insertBefore(group, headings[0]);
  show("");
})();
