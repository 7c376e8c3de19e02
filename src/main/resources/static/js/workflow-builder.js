// The workflow builder: drag and drop for buckets and criteria (SortableJS), criteria that open and close without a
// round trip, bucket names that update the choices naming them while typing, and focus and announcements after
// the server re-renders the form (htmx). Everything also works without this script, by plain form posts.
(() => {
  const body = () => document.getElementById("builder-body");
  const form = () => document.getElementById("builder");
  let focusedBefore = null;

  function renumber(list) {
    [...list.children].forEach((item, index) => {
      const order = item.querySelector(":scope > input[data-order]");
      if (order) order.value = String(index);
    });
  }

  // After a drop the server re-renders in the new order, so that positions, labels and error paths agree.
  function reorder() {
    const button = document.createElement("button");
    button.type = "submit";
    button.name = "action";
    button.value = "reorder";
    button.hidden = true;
    form().appendChild(button);
    button.click();
    button.remove();
  }

  function sortable() {
    if (typeof Sortable === "undefined") return;
    document.querySelectorAll("[data-sortable]").forEach((list) => {
      if (list.dataset.sortableReady) return;
      list.dataset.sortableReady = "true";
      Sortable.create(list, {
        handle: ".handle",
        draggable: list.dataset.sortable === "buckets" ? ".bucket-row" : ".criterion",
        animation: 150,
        forceFallback: true,
        fallbackOnBody: true,
        ghostClass: "drag-ghost",
        chosenClass: "drag-chosen",
        onEnd: (event) => {
          if (event.oldIndex === event.newIndex) return;
          renumber(list);
          reorder();
        },
      });
    });
  }

  function toggle(button) {
    const item = button.closest(".criterion");
    const panel = document.getElementById(button.getAttribute("aria-controls"));
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    item.querySelector(":scope > input[data-expanded]").value = String(open);
  }

  function announce() {
    const fragment = body();
    if (!fragment) return;
    const status = document.getElementById("builder-status");
    if (status) {
      status.textContent = fragment.dataset.announce || "";
    }
    // The element the server names, else the one that had the focus before (a field, a type select).
    const id = fragment.dataset.focus || focusedBefore;
    const target = id && document.getElementById(id);
    if (target && target !== document.activeElement) {
      target.focus();
      if (target.getBoundingClientRect().top < 80 || target.getBoundingClientRect().bottom > window.innerHeight) {
        target.scrollIntoView({block: "center"});
      }
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("#builder [data-toggle]");
    if (button) {
      event.preventDefault();
      event.stopPropagation();
      toggle(button);
    }
  });

  // Enter in a one-line field does not submit the builder (the first button is Save); Ctrl+Enter saves.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !event.target.closest("#builder")) return;
    const field = event.target;
    if (field.tagName === "INPUT" && field.type !== "checkbox" && field.type !== "submit") {
      event.preventDefault();
    }
  });

  document.addEventListener("input", (event) => {
    const field = event.target;
    if (field.matches("[data-bucket-name]")) {
      const name = field.value.trim();
      document.querySelectorAll('[data-bucket-label][data-ref="' + CSS.escape(field.dataset.ref) + '"]').forEach((label) => {
        if (!label.dataset.unnamed) label.dataset.unnamed = label.textContent;
        label.textContent = name || label.dataset.unnamed;
      });
    } else if (field.matches("[data-criterion-name]")) {
      const title = field.closest(".criterion").querySelector("[data-criterion-title]");
      if (!title.dataset.unnamed) title.dataset.unnamed = title.textContent;
      title.textContent = field.value.trim() || title.dataset.unnamed;
    }
  });

  document.addEventListener("change", (event) => {
    const box = event.target;
    if (box.matches("[data-all-buckets]")) {
      box.closest("fieldset").querySelectorAll("[data-one-bucket]").forEach((one) => {
        one.closest(".choice").classList.toggle("dimmed", box.checked);
      });
    }
  });

  document.addEventListener("htmx:beforeRequest", () => {
    const active = document.activeElement;
    focusedBefore = active && active.closest("#builder-body") && active.id ? active.id : null;
  });

  // A session that ended meanwhile answers with the sign-in page: show it as a page, not inside the form.
  document.addEventListener("htmx:beforeSwap", (event) => {
    const url = event.detail.xhr && event.detail.xhr.responseURL;
    if (url && new URL(url).pathname.endsWith("/login")) {
      event.detail.shouldSwap = false;
      window.location.assign(url);
    }
  });

  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target && event.detail.target.id === "builder-body") {
      sortable();
      announce();
    }
  });

  document.addEventListener("htmx:responseError", () => {
    const status = document.getElementById("builder-status");
    const message = form() && form().dataset.failed;
    if (status && message) {
      status.textContent = message;
      status.classList.remove("visually-hidden");
      status.classList.add("alert", "fail");
    }
  });

  document.documentElement.classList.add("script");
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => {
      sortable();
      announce();
    });
  } else {
    sortable();
    announce();
  }
})();
