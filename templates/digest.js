// Search page: Pagefind's search API, which fetches only the index chunks a query needs. The
// site has a main bundle and a bundle of pages changed since (see generator/search.py):
// both are searched, and the main bundle's records of changed pages are left out.
(function () {
  var form = document.getElementById("digest-search");
  if (!form) return;
  var input = form.querySelector("input");
  var status = document.getElementById("digest-search-status");
  var list = document.getElementById("digest-search-results");
  var more = document.getElementById("digest-search-more");
  var root = new URL(".", location.href); // the search page is at the site's root
  var PAGE = 5; // results a query shows at first: each is a fragment to fetch
  var ready = null;
  var hidden = new Set();
  var found = [];
  var shown = 0;

  function load() {
    ready = ready || Promise.all([
      import(new URL("pagefind/pagefind.js", root).href),
      fetch(new URL("pagefind-delta/hidden.json", root)).then(function (r) { return r.json(); }),
    ]).then(async function (parts) {
      var pagefind = parts[0];
      await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
      if (parts[1].merge) await pagefind.mergeIndex(new URL("pagefind-delta/", root).href);
      hidden = new Set(parts[1].hidden);
      return pagefind;
    });
    return ready;
  }

  // Headings carry a "¶" permalink, which Pagefind reads as text.
  function plain(text) {
    return text.replace(/¶/g, "").trim();
  }

  // An excerpt is escaped text with <mark> around the words found: keep text and marks only.
  function excerpt(html) {
    var p = document.createElement("p");
    var body = new DOMParser().parseFromString(html, "text/html").body;
    body.childNodes.forEach(function (node) {
      var text = node.textContent.replace(/¶/g, "");
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = text;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(text));
      }
    });
    return p;
  }

  function link(url, text) {
    var a = document.createElement("a");
    a.href = url;
    a.textContent = plain(text);
    return a;
  }

  async function showMore() {
    var batch = found.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = shown >= found.length;
    var pages = await Promise.all(batch.map(function (r) { return r.data(); }));
    pages.forEach(function (page) {
      var item = document.createElement("li");
      var heading = document.createElement("h3");
      var title = (page.meta && page.meta.title) || page.url;
      heading.appendChild(link(page.url, title));
      item.append(heading, excerpt(page.excerpt));
      var parts = (page.sub_results || []).filter(function (s) {
        return s.url !== page.url && plain(s.title) !== plain(title); // not the page's own heading
      });
      if (parts.length) {
        var sub = document.createElement("ul");
        parts.slice(0, 3).forEach(function (s) {
          var li = document.createElement("li");
          li.append(link(s.url, s.title), excerpt(s.excerpt));
          sub.appendChild(li);
        });
        item.appendChild(sub);
      }
      list.appendChild(item);
    });
  }

  async function search() {
    var term = input.value.trim();
    if (!term) {
      found = [];
      list.textContent = status.textContent = "";
      more.hidden = true;
      return;
    }
    var pagefind = await load();
    var answer = await pagefind.search(term);
    if (input.value.trim() !== term) return; // a newer query took over
    var seen = new Set();
    found = answer.results.filter(function (r) {
      var keep = !hidden.has(r.id) && !seen.has(r.id);
      seen.add(r.id);
      return keep;
    });
    shown = 0;
    list.textContent = "";
    status.textContent = found.length === 1 ? "1 result for “" + term + "”"
      : (found.length || "No") + " results for “" + term + "”";
    await showMore();
  }

  // Typing waits for a pause: Pagefind's own debounce fetches index chunks for every prefix
  // typed ("o", "oi", "oil"), a third of a query's download.
  var timer = 0;
  form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  more.addEventListener("click", showMore);
  var asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    search();
  }
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
