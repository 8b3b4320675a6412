/* The editor workspace's progressive enhancements. Every page works without them:
   - the import page shows one form at a time (tabs);
   - an article's page follows the pipeline by polling its JSON status (without JS, a
     <noscript> meta refresh reloads the page instead);
   - the inbox takes keyboard shortcuts: j/k move, a accept, e edit, m merge, r reject, x tick.
     They can be switched off (WCAG 2.1.4; the choice is kept in localStorage), never fire while
     a field has the focus, and the two that decide wait for confirmation: a moves to the Accept
     button and r to the reason box, and Enter there decides. */
(function () {
  "use strict";

  // --- Tabs on the import page -------------------------------------------------------------
  function setUpTabs(root) {
    var tabs = Array.prototype.slice.call(root.querySelectorAll("[data-tab]"));
    var panels = Array.prototype.slice.call(root.querySelectorAll("[data-panel]"));
    if (!tabs.length) return;
    root.classList.add("js-tabs");
    function show(name, focus) {
      tabs.forEach(function (tab) { tab.setAttribute("aria-selected", tab.dataset.tab === name ? "true" : "false"); });
      panels.forEach(function (panel) { panel.hidden = panel.dataset.panel !== name; });
      if (focus) {
        var first = root.querySelector('[data-panel="' + name + '"] textarea, [data-panel="' + name + '"] input:not([type=hidden])');
        if (first) first.focus();
      }
    }
    tabs.forEach(function (tab) {
      tab.addEventListener("click", function (event) {
        event.preventDefault();
        show(tab.dataset.tab, true);
        history.replaceState(null, "", "#import-" + tab.dataset.tab);
      });
    });
    var fromHash = location.hash.replace("#import-", "");
    var selected = root.querySelector('[data-tab][aria-selected="true"]');
    var withErrors = root.querySelector("[data-panel] .errorlist");
    var name = withErrors ? withErrors.closest("[data-panel]").dataset.panel
      : (tabs.some(function (t) { return t.dataset.tab === fromHash; }) ? fromHash : (selected ? selected.dataset.tab : tabs[0].dataset.tab));
    show(name, false);
  }

  // --- Live progress of an article ---------------------------------------------------------
  function followArticle(section) {
    if (section.dataset.finished === "true") return;
    var url = section.dataset.statusUrl;
    var label = section.querySelector('[data-field="label"]');
    var delay = 1000;
    function poll() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error("status " + response.status);
          return response.json();
        })
        .then(function (status) {
          if (label) label.textContent = status.label;
          section.querySelectorAll("[data-step]").forEach(function (step) {
            step.classList.toggle("current", step.dataset.step === status.state);
          });
          if (status.finished) {
            // The finished page (results, or the error and its retry button) is rendered by the server.
            location.reload();
            return;
          }
          delay = Math.min(delay * 1.5, 5000);
          setTimeout(poll, delay);
        })
        .catch(function () { setTimeout(poll, 5000); });
    }
    setTimeout(poll, delay);
  }

  // --- Inbox keyboard shortcuts ------------------------------------------------------------
  function setUpInbox(items) {
    var current = -1;
    function select(index) {
      if (!items.length) return;
      index = Math.max(0, Math.min(items.length - 1, index));
      if (items[current]) items[current].classList.remove("is-current");
      current = index;
      items[current].classList.add("is-current");
      items[current].focus({ preventScroll: true });
      items[current].scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
    items.forEach(function (item, index) {
      // After a decision the inbox comes back on the following proposal, ready for the next key.
      item.querySelectorAll("form").forEach(function (form) {
        form.addEventListener("submit", function () {
          var next = form.querySelector('input[name="next"]');
          var following = items[index + 1] || items[index - 1];
          if (next && following) next.value = next.value.split("#")[0] + "#" + following.id;
        });
      });
      item.addEventListener("click", function () {
        if (current !== index) {
          if (items[current]) items[current].classList.remove("is-current");
          current = index;
          item.classList.add("is-current");
        }
      });
    });
    var status = document.querySelector("[data-shortcut-status]");
    function say(text) { if (status) status.textContent = text; }
    function act(name) {
      var item = items[current];
      if (!item) return;
      var control = item.querySelector('[data-action="' + name + '"]');
      if (!control) return;
      if (name === "accept") {
        // Deciding takes a second key: the focus moves to the button, Enter presses it.
        control.focus();
        say("Press Enter to accept this proposal, or Escape to go back.");
        return;
      }
      if (name === "reject") {
        var reason = item.querySelector("[data-reason]");
        if (reason && !reason.value.trim()) { reason.focus(); return; }
      }
      control.click();
    }
    var KEY = "tracker.inbox.shortcuts";
    var toggle = document.querySelector("[data-shortcuts-toggle]");
    function enabled() { return !toggle || toggle.checked; }
    if (toggle) {
      try { toggle.checked = localStorage.getItem(KEY) !== "off"; } catch (e) { /* storage refused: on */ }
      toggle.addEventListener("change", function () {
        try { localStorage.setItem(KEY, toggle.checked ? "on" : "off"); } catch (e) { /* kept for this page only */ }
        say(toggle.checked ? "Single-key shortcuts on." : "Single-key shortcuts off.");
      });
      document.querySelector("[data-shortcuts-switch]").hidden = false;
    }
    var fromHash = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (fromHash && items.indexOf(fromHash) >= 0) select(items.indexOf(fromHash));
    document.addEventListener("keydown", function (event) {
      if (!enabled() || event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable]")) {
        if (event.key === "Escape") target.blur();
        return;
      }
      if (event.key === "Escape" && target.matches && target.matches("[data-action]") && items[current]) {
        items[current].focus({ preventScroll: true });
        say("");
        return;
      }
      switch (event.key) {
        case "j": select(current + 1); break;
        case "k": select(current < 0 ? 0 : current - 1); break;
        case "a": act("accept"); break;
        case "e": act("edit"); break;
        case "m": act("merge"); break;
        case "r": act("reject"); break;
        case "x": {
          var tick = items[current] && items[current].querySelector("[data-tick]");
          if (tick) tick.checked = !tick.checked;
          break;
        }
        default: return;
      }
      event.preventDefault();
    });
  }

  // A checkbox list with a filter box (forms.PartyPicker): the box is shown only here, so
  // without JavaScript the list is a plain, complete checkbox list. Ticked entries stay visible.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUpPicker(picker) {
    var filter = picker.querySelector(".picker-filter");
    var rows = Array.prototype.slice.call(picker.querySelectorAll("li"));
    if (!filter) return;
    filter.hidden = false;
    rows.forEach(function (row) { row.dataset.haystack = fold(row.textContent + " " + (row.dataset.terms || "")); });
    filter.addEventListener("input", function () {
      var words = fold(filter.value).split(/\s+/).filter(Boolean);
      rows.forEach(function (row) {
        var input = row.querySelector("input");
        var match = words.every(function (word) { return row.dataset.haystack.indexOf(word) >= 0; });
        row.hidden = !(match || (input && input.checked));
      });
    });
    // Enter in the filter box ticks the only match instead of submitting the form.
    filter.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      var shown = rows.filter(function (row) { return !row.hidden && !row.querySelector("input").checked; });
      if (shown.length === 1) { shown[0].querySelector("input").checked = true; filter.select(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-picker]").forEach(setUpPicker);
    document.querySelectorAll("[data-tabs]").forEach(setUpTabs);
    document.querySelectorAll("[data-status-url]").forEach(followArticle);
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-candidate]"));
    if (items.length) setUpInbox(items);
  });
})();
