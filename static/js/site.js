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

  // Ask before destructive actions.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
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
