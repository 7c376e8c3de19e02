// The results page's "Share" section: the copy button puts the link just created on the clipboard. The section is
// swapped by htmx, so the click is handled on the document.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  const field = document.querySelector(button.dataset.copy);
  const status = button.parentElement.querySelector("[data-copy-status]");
  field.select();
  navigator.clipboard.writeText(field.value).then(() => {
    if (status) {
      status.textContent = button.dataset.copied;
    }
  });
});
