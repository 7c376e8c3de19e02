// The start page enables "Start assessment" once every required bucket has a ready document, and sends the
// documents (bucket, id) with the form. The assessment page follows the job over Server-Sent Events and shows the
// results when it is done.
(() => {
  const startForm = document.querySelector("[data-start-form]");
  if (startForm) {
    const button = startForm.querySelector("[data-start-button]");
    const hint = startForm.querySelector("[data-start-hint]");
    const readyIn = (bucket) =>
      bucket.querySelector('[data-testid="upload-row"] [data-testid="document-status"][data-status="ready"]') !== null;
    // Every row of a bucket can be taken out again (a wrong or rejected file); the document stays in the library.
    const addRemoveButtons = () => {
      document.querySelectorAll('[data-testid="upload-row"]').forEach((row) => {
        if (row.querySelector("[data-remove-row]")) {
          return;
        }
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "button secondary remove-row";
        remove.dataset.removeRow = "";
        remove.dataset.testid = "remove-row";
        remove.textContent = startForm.dataset.msgRemove;
        const name = row.querySelector(".upload-name");
        remove.setAttribute("aria-label",
          startForm.dataset.msgRemoveLabel.replace("{0}", name ? name.textContent.trim() : ""));
        row.appendChild(remove);
      });
    };
    const refresh = () => {
      addRemoveButtons();
      const required = Array.from(document.querySelectorAll('[data-testid="bucket"][data-required="true"]'));
      const missing = required.filter((bucket) => !readyIn(bucket)).map((bucket) => bucket.dataset.bucketName);
      button.disabled = missing.length > 0;
      hint.hidden = missing.length === 0;
      hint.textContent = hint.dataset.msgMissing.replace("{0}", missing.join(", "));
    };
    document.addEventListener("click", (event) => {
      const add = event.target.closest("[data-library-add]");
      if (add) {
        const library = add.closest("[data-library]");
        const entry = add.closest("[data-document-id]");
        const list = library.closest('[data-testid="bucket"]').querySelector(".upload-list");
        if (!list.querySelector('[data-document-id="' + entry.dataset.documentId + '"]')) {
          const row = entry.querySelector("template[data-library-row]").content.querySelector('[data-testid="upload-row"]');
          list.appendChild(row.cloneNode(true));
        }
        refresh();
        return;
      }
      const remove = event.target.closest("[data-remove-row]");
      if (remove) {
        remove.closest('[data-testid="upload-row"]').remove();
        refresh();
      }
    });
    document.body.addEventListener("htmx:afterSettle", refresh);
    setInterval(refresh, 1000); // statuses change by polling fragments; a second is soon enough for a person
    refresh();
    startForm.addEventListener("submit", () => {
      startForm.querySelectorAll("input[data-document]").forEach((input) => input.remove());
      document.querySelectorAll('[data-testid="upload-row"]').forEach((row) => {
        const status = row.querySelector('[data-testid="document-status"]');
        if (!row.dataset.documentId || !status || status.dataset.status !== "ready") {
          return;
        }
        for (const [name, value] of [["bucket", row.dataset.bucket], ["document", row.dataset.documentId]]) {
          const input = document.createElement("input");
          input.type = "hidden";
          input.name = name;
          input.value = value;
          input.dataset.document = "";
          startForm.appendChild(input);
        }
      });
    });
  }

  const progress = document.querySelector("[data-progress]");
  if (progress && window.EventSource) {
    const bar = progress.querySelector("[data-progress-bar]");
    const phase = progress.querySelector("[data-phase-label]");
    const count = progress.querySelector("[data-progress-count]");
    const waiting = progress.querySelector("[data-waiting]");
    const events = new EventSource(progress.dataset.eventsUrl);
    events.addEventListener("progress", (event) => {
      const assessment = JSON.parse(event.data);
      const p = assessment.progress;
      bar.value = p.percent;
      phase.textContent = phase.dataset["label" + (p.phase ? p.phase[0].toUpperCase() + p.phase.slice(1) : "Queued")];
      count.textContent = count.dataset.template.replace("{done}", p.done).replace("{total}", p.total);
      if (waiting) {
        waiting.hidden = !p.waiting_since;
        waiting.textContent = p.waiting_since
          ? waiting.dataset.template.replace("{since}", new Date(p.waiting_since).toISOString().slice(11, 16) + " UTC")
          : "";
      }
    });
    events.addEventListener("done", () => {
      events.close();
      window.location.assign(progress.dataset.doneUrl);
    });
  }
})();

// Results: chips that show only the criteria of one verdict and/or one severity. Without script they stay hidden and
// every criterion is shown.
(() => {
  const filters = document.querySelector("[data-result-filters]");
  if (!filters) {
    return;
  }
  const cards = Array.from(document.querySelectorAll('[data-testid="result"]'));
  const status = filters.querySelector("[data-filter-status]");
  const chosen = { verdict: null, severity: null };
  const apply = () => {
    let shown = 0;
    for (const card of cards) {
      const visible = (!chosen.verdict || card.dataset.verdict === chosen.verdict)
        && (!chosen.severity || card.dataset.severity === chosen.severity);
      card.hidden = !visible;
      shown += visible ? 1 : 0;
    }
    for (const chip of filters.querySelectorAll("button")) {
      const pressed = chip.dataset.filterVerdict !== undefined
        ? chip.dataset.filterVerdict === chosen.verdict
        : chip.dataset.filterSeverity === chosen.severity;
      chip.setAttribute("aria-pressed", String(pressed));
    }
    status.textContent = chosen.verdict || chosen.severity
      ? status.dataset.template.replace("{shown}", shown).replace("{total}", cards.length) : "";
  };
  filters.addEventListener("click", (event) => {
    const chip = event.target.closest("button");
    if (!chip) {
      return;
    }
    const kind = chip.dataset.filterVerdict !== undefined ? "verdict" : "severity";
    const value = kind === "verdict" ? chip.dataset.filterVerdict : chip.dataset.filterSeverity;
    chosen[kind] = chosen[kind] === value ? null : value;
    apply();
  });
  filters.hidden = false;
  apply();
})();
