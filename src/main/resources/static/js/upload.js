// Drop zones for documents: each file is sent on its own (so each has its own progress bar) to the session-based
// upload endpoint, then its status row asks the server until reading has finished (htmx polling fragment).
(() => {
  const csrf = () => {
    const header = document.querySelector('meta[name="csrf-header"]');
    const token = document.querySelector('meta[name="csrf-token"]');
    return header && token ? [header.content, token.content] : null;
  };

  const problemDetail = (xhr, zone) => {
    try {
      const problem = JSON.parse(xhr.responseText);
      if (problem && problem.detail) {
        return problem.detail;
      }
    } catch (ignored) {
      // not problem details (an expired session answers with a page)
    }
    return zone.dataset.msgSessionExpired;
  };

  const upload = (zone, file) => {
    const list = zone.querySelector(".upload-list");
    const row = zone.querySelector("template[data-upload-row]").content.firstElementChild.cloneNode(true);
    row.querySelector(".upload-name").textContent = file.name;
    const progress = row.querySelector("progress");
    const state = row.querySelector(".upload-state");
    list.appendChild(row);

    const xhr = new XMLHttpRequest();
    xhr.open("POST", zone.dataset.uploadUrl);
    xhr.setRequestHeader("Accept", "application/json");
    const token = csrf();
    if (token) {
      xhr.setRequestHeader(token[0], token[1]);
    }
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) {
        progress.value = Math.round((event.loaded * 100) / event.total);
      }
    });
    xhr.addEventListener("load", () => {
      if (xhr.status === 201) {
        const doc = JSON.parse(xhr.responseText).items[0];
        progress.value = 100;
        progress.hidden = true;
        row.dataset.documentId = doc.id;
        row.dataset.bucket = zone.dataset.bucket;
        // A placeholder that fetches the status fragment at once; the fragment then polls until reading is done.
        const status = document.createElement("span");
        status.className = state.className;
        status.textContent = state.textContent;
        status.setAttribute("hx-get", zone.dataset.statusUrl + doc.id + "/status");
        status.setAttribute("hx-trigger", "load");
        status.setAttribute("hx-swap", "outerHTML");
        state.replaceWith(status);
        htmx.process(status);
      } else {
        progress.hidden = true;
        row.classList.add("failed");
        state.classList.remove("secondary");
        state.classList.add("upload-error");
        state.setAttribute("role", "alert");
        state.textContent = zone.dataset.msgFailed.replace("{0}", problemDetail(xhr, zone));
      }
    });
    xhr.addEventListener("error", () => {
      progress.hidden = true;
      row.classList.add("failed");
      state.setAttribute("role", "alert");
      state.textContent = zone.dataset.msgNetwork;
    });
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  };

  const setup = (zone) => {
    const input = zone.querySelector('input[type="file"]');
    const send = (files) => Array.from(files).forEach((file) => upload(zone, file));
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("dragging");
      send(event.dataTransfer.files);
    });
    input.addEventListener("change", () => {
      send(input.files);
      input.value = "";
    });
  };

  document.querySelectorAll("[data-upload-zone]").forEach(setup);
})();
