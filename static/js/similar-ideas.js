// Duplicates caught while typing: as a member types an idea's title, similar ideas already in the bank appear
// below it, each with a button to support it instead (the form's own POST, sent to that idea's support
// address with the CSRF token) or, for a visitor, a link to log in first. Without JavaScript nothing shows.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("similar-ideas");
  if (!box) return;
  const input = box.closest("form").querySelector("input[name=title]");
  const list = box.querySelector("ul");
  const status = document.getElementById("similar-ideas-status");
  let timer;
  let latest = 0;

  const show = (ideas) => {
    list.replaceChildren(...ideas.map((idea) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = idea.url;
      link.textContent = idea.title;
      item.append(link, ` (${idea.supports} ${box.dataset.supportsLabel}) `);
      if (idea.support_url) {
        const button = document.createElement("button");
        button.type = "submit";
        button.className = "button button-small button-quiet";
        button.formAction = idea.support_url;
        button.formNoValidate = true;
        button.textContent = box.dataset.supportLabel;
        item.append(button);
      } else if (idea.login_url) {
        const login = document.createElement("a");
        login.href = idea.login_url;
        login.textContent = box.dataset.loginLabel;
        item.append(login);
      }
      return item;
    }));
    box.hidden = ideas.length === 0;
    status.textContent = ideas.length ? `${box.dataset.foundLabel} ${ideas.length}` : "";
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const request = ++latest;
      const title = input.value.trim();
      if (title.length < 4) { show([]); return; }
      try {
        const response = await fetch(`${box.dataset.similarUrl}?titel=${encodeURIComponent(title)}`, {
          headers: { Accept: "application/json" },
        });
        if (!response.ok) return;
        const { ideas } = await response.json();
        if (request === latest) show(ideas);
      } catch {
        // Offline or the server busy: no warning, and the form works as ever.
      }
    }, 300);
  });
});
