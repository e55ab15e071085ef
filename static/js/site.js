// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  // Phone menu.
  const toggle = document.querySelector(".nav-toggle");
  const nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      const open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", String(open));
    });
  }

  // The list's filters on a phone: folded behind their summary, which says how many are on (a field with an
  // error keeps them open); on a wider screen they stay open. Served open, so they work without this file.
  document.querySelectorAll("details[data-collapse-below]").forEach((details) => {
    const narrow = window.matchMedia(`(max-width: ${details.dataset.collapseBelow}px)`);
    const ignored = (details.dataset.filterIgnore || "").split(" ");
    const count = details.querySelector("[data-filter-count]");
    if (count) {
      const on = Array.from(details.querySelectorAll("input, select")).filter((field) => {
        if (!field.name || field.type === "hidden" || ignored.includes(field.name)) return false;
        return field.type === "checkbox" ? field.checked : field.value !== "";
      }).length;
      count.textContent = on ? `(${on})` : "";
    }
    const invalid = details.querySelector('[aria-invalid="true"], .field-invalid') !== null;
    const fit = () => {
      details.open = invalid || !narrow.matches;
    };
    fit();
    narrow.addEventListener("change", fit);
  });

  // Ask before destructive actions.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });

  // Search suggestions: the search field becomes a combobox (ARIA 1.2 pattern) listing ideas whose title
  // matches what is typed; up/down choose, Enter opens the chosen idea, Escape closes. Without a chosen
  // suggestion Enter submits the search form as usual.
  document.querySelectorAll("input[data-suggest-url]").forEach((input) => {
    const list = document.getElementById(input.dataset.suggestList);
    const status = document.getElementById(`${input.dataset.suggestList}-status`);
    let timer;
    let active = -1;
    let latest = 0;
    // The combobox role is valid on a text field, not on type=search; the phone's enter key still says search.
    input.type = "text";
    input.setAttribute("enterkeyhint", "search");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    const options = () => Array.from(list.querySelectorAll('[role="option"]'));
    const close = () => {
      // A suggestion request still on its way must not open the list again.
      clearTimeout(timer);
      latest += 1;
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    };
    const choose = (index) => {
      const all = options();
      active = (index + all.length) % all.length;
      all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    };
    const open = (suggestions) => {
      list.replaceChildren(...suggestions.map((suggestion, i) => {
        const option = document.createElement("li");
        option.id = `${list.id}-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = suggestion.url;
        option.innerHTML = suggestion.html; // escaped by the server, only <mark> added
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          window.location.assign(suggestion.url);
        });
        return option;
      }));
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.hidden = suggestions.length === 0;
      input.setAttribute("aria-expanded", String(suggestions.length > 0));
      if (status) status.textContent = suggestions.length ? `${suggestions.length} ${list.getAttribute("aria-label").toLowerCase()}` : "";
    };

    input.addEventListener("input", () => {
      clearTimeout(timer);
      const term = input.value;
      if (term.trim().length < 3) { close(); return; }
      timer = setTimeout(async () => {
        const request = ++latest;
        const response = await fetch(`${input.dataset.suggestUrl}?q=${encodeURIComponent(term)}`, {
          headers: { Accept: "application/json" },
        });
        if (!response.ok || request !== latest) return;
        const { suggestions } = await response.json();
        if (request === latest && document.activeElement === input) open(suggestions);
      }, 120);
    });
    input.addEventListener("keydown", (event) => {
      const count = options().length;
      if (event.key === "ArrowDown" && count) {
        event.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        choose(active + 1);
      } else if (event.key === "ArrowUp" && count && !list.hidden) {
        event.preventDefault();
        choose(active - 1);
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        window.location.assign(options()[active].dataset.url);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
  });

  // Tag autocomplete: suggest existing tags for the word being typed after the last comma.
  document.querySelectorAll("input[data-tag-autocomplete]").forEach((input) => {
    const list = document.getElementById(input.getAttribute("list"));
    const url = input.form.dataset.tagUrl;
    let timer;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const parts = input.value.split(",");
        const term = parts.pop().trim();
        if (!term) { list.replaceChildren(); return; }
        const response = await fetch(`${url}?q=${encodeURIComponent(term)}`, { headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const { tags } = await response.json();
        const prefix = parts.map((p) => p.trim()).filter(Boolean).join(", ");
        list.replaceChildren(...tags.map((tag) => {
          const option = document.createElement("option");
          option.value = prefix ? `${prefix}, ${tag}` : tag;
          return option;
        }));
      }, 150);
    });
  });
});
