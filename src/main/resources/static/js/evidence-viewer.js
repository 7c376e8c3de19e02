// The evidence viewer: j/k or the arrow keys go to the next/previous evidence (the arrows scroll the page while it
// has the focus), + and - zoom. A PDF page is drawn by pdf.js (from its WebJar, loaded as a module so the strict
// Content-Security-Policy holds: no eval, no inline script or style) with the highlight boxes the server computed
// from the stored word boxes, positioned in fractions of the page. When the server found no box for the quote, the
// page's text layer is searched for it instead.

const links = {
  next: document.querySelector("[data-viewer-next]"),
  previous: document.querySelector("[data-viewer-previous]"),
};

const typing = (target) => target.closest("input, textarea, select, [contenteditable=true]") !== null;

const viewer = document.querySelector("[data-evidence-viewer]");
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
let zoom = 2; // index into ZOOMS: 100 %
let redraw = null;

document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) {
    return;
  }
  // Inside the page (a scrollable region) the arrow keys scroll it; j and k still move on.
  const arrows = !event.target.closest("[data-evidence-viewer]");
  const go = { j: links.next, k: links.previous, ...(arrows ? { ArrowRight: links.next, ArrowLeft: links.previous } : {}) }[
    event.key];
  if (go) {
    event.preventDefault();
    go.click();
  } else if (redraw && (event.key === "+" || event.key === "=")) {
    event.preventDefault();
    setZoom(zoom + 1);
  } else if (redraw && event.key === "-") {
    event.preventDefault();
    setZoom(zoom - 1);
  }
});

function setZoom(index) {
  zoom = Math.max(0, Math.min(ZOOMS.length - 1, index));
  redraw();
}

// Places a highlight element over [x, y, w, h], fractions of the page, origin top-left.
function place(element, box) {
  element.style.left = `${box.x * 100}%`;
  element.style.top = `${box.y * 100}%`;
  element.style.width = `${box.w * 100}%`;
  element.style.height = `${box.h * 100}%`;
}

// The quote as the text layer is compared: lower case, one space for any run of white space, dashes and quotes
// simplified (the server's verifier normalises the same way, more thoroughly).
function normalized(text) {
  return text.normalize("NFKC").toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-").replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c-\u201f]/g, '"').replace(/\s+/g, " ");
}

// Boxes (fractions of the page) of the text items that hold the quote, or none (also for evidence without a quote:
// a digital signature's field).
function textLayerBoxes(pdfjs, content, viewport, quote) {
  const wanted = normalized(quote || "").trim().replace(/^["'“„]+|["'”]+$/g, "").trim();
  if (!wanted) {
    return [];
  }
  let joined = "";
  const spans = [];
  for (const item of content.items) {
    if (typeof item.str !== "string") {
      continue;
    }
    let text = normalized(item.str);
    if (joined.endsWith(" ") && text.startsWith(" ")) {
      text = text.slice(1);
    }
    spans.push({ item, from: joined.length, to: joined.length + text.length });
    joined += text;
    if (item.hasEOL && !joined.endsWith(" ")) {
      joined += " ";
    }
  }
  const at = joined.indexOf(wanted);
  if (at < 0) {
    return [];
  }
  const end = at + wanted.length;
  return spans.filter((s) => s.from < end && s.to > at && s.to > s.from).map(({ item }) => {
    const t = pdfjs.Util.transform(viewport.transform, item.transform);
    const height = Math.hypot(t[2], t[3]);
    return {
      x: t[4] / viewport.width,
      y: (t[5] - height) / viewport.height,
      w: (item.width * viewport.scale) / viewport.width,
      h: height / viewport.height,
    };
  });
}

async function show() {
  const pageBox = viewer.querySelector("[data-viewer-page]");
  const canvas = viewer.querySelector("[data-viewer-canvas]");
  const stored = Array.from(pageBox.querySelectorAll(".highlight"));
  stored.forEach((element) => place(element, {
    x: Number(element.dataset.x), y: Number(element.dataset.y),
    w: Number(element.dataset.w), h: Number(element.dataset.h),
  }));
  const pdfjs = await import(viewer.dataset.pdfjs);
  pdfjs.GlobalWorkerOptions.workerSrc = viewer.dataset.worker;
  const pdf = await pdfjs.getDocument({
    url: viewer.dataset.content,
    isEvalSupported: false,
    standardFontDataUrl: viewer.dataset.fonts,
    disableAutoFetch: true,
  }).promise;
  const page = await pdf.getPage(Math.min(Number(viewer.dataset.page), pdf.numPages));
  let task = null;
  redraw = async () => {
    const viewport = page.getViewport({ scale: ZOOMS[zoom] * 1.5 });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    pageBox.style.width = `${Math.floor(viewport.width)}px`;
    pageBox.style.height = `${Math.floor(viewport.height)}px`;
    if (task) {
      task.cancel();
    }
    task = page.render({
      canvasContext: canvas.getContext("2d"),
      viewport,
      transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
    });
    try {
      await task.promise;
    } catch (error) {
      if (error?.name !== "RenderingCancelledException") {
        throw error;
      }
      return;
    }
    viewer.dataset.rendered = String(ZOOMS[zoom]);
    viewer.dataset.renderedPage = String(page.pageNumber);
    if (stored.length === 0 && !pageBox.querySelector(".highlight")) {
      const boxes = textLayerBoxes(pdfjs, await page.getTextContent(), viewport, viewer.dataset.quote);
      for (const box of boxes) {
        const element = document.createElement("div");
        element.className = "highlight";
        element.dataset.testid = "highlight";
        element.dataset.source = "text-layer";
        place(element, box);
        pageBox.appendChild(element);
      }
    }
    const first = pageBox.querySelector(".highlight");
    if (first) {
      first.scrollIntoView({ block: "center", inline: "nearest" });
    }
  };
  document.querySelectorAll("[data-viewer-zoom]").forEach((button) => {
    button.addEventListener("click", () => setZoom(zoom + (button.dataset.viewerZoom === "in" ? 1 : -1)));
  });
  await redraw();
}

// A page shown as text (DOCX): its marked quote in view.
document.querySelector("[data-viewer-mark]")?.scrollIntoView({ block: "center" });

if (viewer) {
  show().catch((error) => {
    const message = viewer.querySelector("[data-viewer-error]");
    message.textContent = viewer.dataset.error;
    message.hidden = false;
    console.warn("The page could not be shown", error);
  });
}
