// The import's progress bar, updated from the job's status (a small JSON) every second, without reloading the
// page. Without this file the page says where the import stands each time it is loaded.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("[data-progress-url]");
  if (!box) return;
  const bar = document.getElementById("import-progress-bar");
  const text = document.getElementById("import-progress-text");
  const link = document.getElementById("import-report-link");
  const running = text.dataset.templateRunning;

  const show = (status) => {
    bar.value = status.percent;
    bar.textContent = `${status.percent} %`;
    if (status.state === "running") {
      text.textContent = running
        .replace("{processed}", status.processed)
        .replace("{total}", status.total)
        .replace("{percent}", `${status.percent} %`);
    } else if (status.state === "done") {
      text.textContent = text.dataset.textDone;
    } else if (status.state === "failed") {
      text.textContent = text.dataset.textFailed;
    }
    if (status.state === "done" || status.state === "failed") {
      link.hidden = false;
      return true;
    }
    return false;
  };

  const poll = async () => {
    try {
      const response = await fetch(box.dataset.progressUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.ok && show(await response.json())) return;
    } catch (error) {
      // A lost connection: try again at the next tick.
    }
    window.setTimeout(poll, 1000);
  };
  poll();
});
