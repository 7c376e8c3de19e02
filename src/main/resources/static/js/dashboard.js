// The dashboard's chart of outcomes per workflow, drawn from the table beside it (the table is the accessible form of
// the same figures): one stacked bar per workflow, pass / fail / needs review in the verdict colours.
const table = document.querySelector("[data-outcomes-table]");
const canvas = document.querySelector("[data-outcomes-chart]");
if (table && canvas && window.Chart) {
  const headers = Array.from(table.querySelectorAll("thead th")).slice(1);
  const rows = Array.from(table.querySelectorAll("tbody tr"));
  const labels = rows.map((row) => row.querySelector("th").textContent.trim());
  const datasets = headers.map((header, i) => ({
    label: header.textContent.trim(),
    backgroundColor: header.dataset.color,
    data: rows.map((row) => Number(row.querySelectorAll("td")[i].textContent.trim())),
  }));
  new window.Chart(canvas, {
    type: "bar",
    data: { labels, datasets },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
    },
  });
  canvas.dataset.drawn = "true";
}
