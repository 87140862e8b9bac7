/* PlanPress: sortable and filterable tables, without any library.
 *
 * Progressive enhancement: every table reads completely without this script.
 * A table opts in with data-pp-sortable (and data-pp-filter for a filter box);
 * its words come from data attributes filled with the page's interface strings
 * (docs_build/render/tables.py), so this file holds no language of its own:
 *   data-pp-sort-hint="Sort by {column}"
 *   data-pp-sorted-ascending / data-pp-sorted-descending="Sorted by {column}, ..."
 *   data-pp-filter-label="Filter rows"
 *   data-pp-rows-shown="{shown} of 12 rows shown"  (plural form chosen at build time)
 *
 * Sorting: each column header gets a <button>; the sorted header carries
 * aria-sort. A cell sorts by its data-sort attribute when it has one, else by
 * its text. A key that is a plain number compares as a number; any other key as
 * text in the page's language, digits in numeric order ("1.2.10" after
 * "1.2.9"). An empty key sorts last in both directions. Ties keep page order.
 *
 * Filtering: rows that do not contain every word typed are hidden; a polite
 * live region says how many rows are shown.
 */
(function () {
  "use strict";

  var NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
  var uid = 0;

  function lang() {
    return document.documentElement.getAttribute("lang") || "en";
  }

  function nextId(prefix) {
    uid += 1;
    return "pp-" + prefix + "-" + uid;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  function words(node) {
    return (node.textContent || "").replace(/\s+/g, " ").trim();
  }

  /* Lower case without accents, so "perfshire" finds "përfshirë". */
  function folded(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase(lang());
  }

  /* A number formatted like the build formats it (Babel, Latin digits). */
  function formatCount(n) {
    try {
      return new Intl.NumberFormat(lang(), { numberingSystem: "latn" }).format(n);
    } catch (e) {
      return String(n);
    }
  }

  function bodyRows(table) {
    var rows = [];
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) { rows.push(row); });
    });
    return rows;
  }

  /* Sorting needs one header row and no merged cells. */
  function canSort(table) {
    if (!table.tHead || table.tHead.rows.length !== 1) return false;
    return !table.querySelector("th[colspan]:not([colspan='1']), td[colspan]:not([colspan='1'])," +
      " th[rowspan]:not([rowspan='1']), td[rowspan]:not([rowspan='1'])");
  }

  function sortKey(cell) {
    if (!cell) return { kind: 2, value: "" };
    var key = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort").trim() : words(cell);
    if (key === "") return { kind: 2, value: "" };
    if (NUMBER.test(key)) return { kind: 0, value: parseFloat(key) };
    return { kind: 1, value: key };
  }

  function compareKeys(a, b, collator) {
    if (a.kind !== b.kind) return a.kind - b.kind;
    if (a.kind === 0) return a.value - b.value;
    return collator.compare(a.value, b.value);
  }

  function sortBy(table, column, state) {
    var header = table.tHead.rows[0].cells[column];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var collator = new Intl.Collator(lang(), { numeric: true, sensitivity: "base" });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    Array.prototype.forEach.call(table.tBodies, function (body) {
      var rows = Array.prototype.map.call(body.rows, function (row) {
        return { row: row, key: sortKey(row.cells[column]), at: Number(row.getAttribute("data-pp-at")) };
      });
      rows.sort(function (a, b) {
        var missing = (a.key.kind === 2) - (b.key.kind === 2);
        if (missing) return missing; /* empty keys last, whichever the direction */
        var order = compareKeys(a.key, b.key, collator);
        return (ascending ? order : -order) || a.at - b.at;
      });
      var sorted = document.createDocumentFragment();
      rows.forEach(function (item) { sorted.appendChild(item.row); });
      body.appendChild(sorted);
    });
    var said = table.getAttribute(ascending ? "data-pp-sorted-ascending" : "data-pp-sorted-descending");
    announce(state.sortStatus, fill(said || "", { column: state.labels[column] }));
  }

  function announce(region, text) {
    if (!region || !text) return;
    /* Clear, then set on the next frame, so the same words are read again. */
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function addSorting(table, state) {
    var hint = table.getAttribute("data-pp-sort-hint") || "";
    var hints = document.createElement("div");
    hints.hidden = true;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      var label = words(th);
      state.labels[column] = label;
      if (!label || th.hasAttribute("data-pp-nosort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pp-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      var icon = document.createElement("span");
      icon.className = "pp-sort__icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      if (hint) {
        var described = document.createElement("span");
        described.id = nextId("sort-hint");
        described.textContent = fill(hint, { column: label });
        hints.appendChild(described);
        button.setAttribute("aria-describedby", described.id);
      }
      button.addEventListener("click", function () { sortBy(table, column, state); });
      th.appendChild(button);
    });
    var status = document.createElement("span");
    status.className = "pp-sort-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    state.sortStatus = status;
    state.after.parentNode.insertBefore(hints, state.after.nextSibling);
    state.after.parentNode.insertBefore(status, hints);
  }

  function addFilter(table, state) {
    var rows = bodyRows(table);
    var total = rows.length;
    var shownText = table.getAttribute("data-pp-rows-shown") || "{shown}";
    var box = document.createElement("div");
    box.className = "pp-table-filter";
    var input = document.createElement("input");
    input.type = "search";
    input.id = nextId("filter");
    input.className = "pp-table-filter__input";
    input.setAttribute("autocomplete", "off");
    input.spellcheck = false;
    if (table.caption && table.caption.id) input.setAttribute("aria-describedby", table.caption.id);
    var label = document.createElement("label");
    label.htmlFor = input.id;
    label.className = "pp-table-filter__label";
    label.textContent = table.getAttribute("data-pp-filter-label") || "";
    var count = document.createElement("p");
    count.className = "pp-table-filter__count";
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");
    count.textContent = fill(shownText, { shown: formatCount(total) });
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(count);
    state.before.parentNode.insertBefore(box, state.before);

    var texts = rows.map(function (row) { return folded(words(row)); });
    var timer = 0;
    input.addEventListener("input", function () {
      var terms = folded(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = terms.every(function (term) { return texts[i].indexOf(term) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      table.setAttribute("data-pp-shown", String(shown));
      /* Wait for a pause in typing, so a screen reader says the count once. */
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        count.textContent = fill(shownText, { shown: formatCount(shown) });
      }, 300);
    });
  }

  function enhance(table) {
    if (table.hasAttribute("data-pp-ready")) return;
    table.setAttribute("data-pp-ready", "");
    var region = table.parentElement && table.parentElement.classList.contains("pp-scroll")
      ? table.parentElement : table;
    var state = { before: region, after: region, labels: [], sortStatus: null };
    bodyRows(table).forEach(function (row, i) { row.setAttribute("data-pp-at", String(i)); });
    if (table.hasAttribute("data-pp-filter")) addFilter(table, state);
    if (canSort(table)) addSorting(table, state);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-pp-sortable]"), enhance);
  }

  /* Material's instant loading swaps pages without a reload: follow it when on. */
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
