// dossier serve: the search page. Plain DOM, no library, no build step.
// Every text of a report goes into the page as text (textContent, text
// nodes): a report is data, never markup. The URL holds the whole state.
"use strict";

// Filter parameters, in the order the chips show them (the API's names).
const FILTERS = ["doc", "country", "group", "place", "person", "year", "kind", "cites",
  "from", "to", "published_from", "published_to", "affiliates"];
// Facet dimensions of the sidebar: API facet name → heading.
const DIMENSIONS = [["country", "Countries"], ["group", "Groups"], ["place", "Places"],
  ["person", "Persons"], ["year", "Years"], ["kind", "Kinds"], ["doc", "Documents"],
  ["cites", "Sources cited"]];
const PAGE = 10;
const DEBOUNCE_MS = 200;

const $ = (id) => document.getElementById(id);
let docTitles = new Map();
let regionNames = null;
try { regionNames = new Intl.DisplayNames(["en"], { type: "region" }); } catch (_) { regionNames = null; }

// el("p", {class: "x"}, "text", child…): an element; strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

// ---- state <-> URL --------------------------------------------------------

function readState() {
  const u = new URLSearchParams(location.search);
  const filters = {};
  for (const f of FILTERS) {
    const vs = u.getAll(f).filter((v) => v !== "");
    if (vs.length) filters[f] = vs;
  }
  return {
    q: u.get("q") || "",
    filters,
    view: u.get("view") === "timeline" ? "timeline" : "results",
    offset: Math.max(0, parseInt(u.get("offset") || "0", 10) || 0),
    passage: u.get("passage") || "",
  };
}

function stateQuery(s, { withView = true, withPassage = true, withOffset = true } = {}) {
  const u = new URLSearchParams();
  if (s.q) u.set("q", s.q);
  for (const f of FILTERS) for (const v of s.filters[f] || []) u.append(f, v);
  if (withView && s.view !== "results") u.set("view", s.view);
  if (withOffset && s.offset) u.set("offset", String(s.offset));
  if (withPassage && s.passage) u.set("passage", s.passage);
  return u;
}

let state = readState();

// Moves to a new state: pushed, so that back undoes it; the keystrokes of
// one query replace each other's entry (one history step per search).
function go(next, how) {
  const typing = how === "typing";
  const replace = how === "replace" || (typing && history.state !== null && history.state.typing === true);
  state = next;
  const qs = stateQuery(state).toString();
  const url = qs ? "/?" + qs : "/";
  if (replace) history.replaceState({ typing }, "", url);
  else history.pushState({ typing }, "", url);
  render();
}

function withFilter(name, value) {
  const filters = structuredClone(state.filters);
  const vs = filters[name] || [];
  if (!vs.includes(value)) filters[name] = [...vs, value];
  return { ...state, filters, offset: 0, passage: "" };
}

function withoutFilter(name, value) {
  const filters = structuredClone(state.filters);
  filters[name] = (filters[name] || []).filter((v) => v !== value);
  if (!filters[name].length) delete filters[name];
  if (name === "group" && !filters.group) delete filters.affiliates;
  return { ...state, filters, offset: 0, passage: "" };
}

// ---- API ------------------------------------------------------------------

async function api(path, params) {
  const r = await fetch("/api/" + path + (params ? "?" + params.toString() : ""));
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// ---- labels ---------------------------------------------------------------

function valueLabel(dim, value) {
  if (dim === "country" && regionNames) {
    try { const n = regionNames.of(value); if (n && n !== value) return n + " (" + value + ")"; } catch (_) { /* not a region code */ }
  }
  if (dim === "doc" && docTitles.has(value)) return docTitles.get(value);
  if (dim === "affiliates") return "with affiliates";
  return value;
}

function citationLine(p) {
  const parts = [p.doc_title];
  if (p.doc_publisher) parts.push(p.doc_publisher);
  if (p.doc_published) parts.push(humanDay(p.doc_published));
  return parts.join(" · ");
}

// `2020-06-29` → `29 June 2020`, as the command line writes it.
function humanDay(iso) {
  const d = new Date(iso + "T00:00:00Z");
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function kindLabel(p) {
  if (p.kind === "paragraph") return "¶ " + p.n;
  if (p.kind === "footnote") return "fn " + p.n;
  return p.kind + " " + p.n;
}

function whereLine(p) {
  const parts = [];
  if (p.section && p.section.length) parts.push(p.section.join(" › "));
  parts.push(kindLabel(p), p.id);
  return parts.join(" · ");
}

// The snippet with <mark> around the matched words; `highlights` are
// character ranges of `snippet_text`.
function snippetNode(hit) {
  const chars = Array.from(hit.snippet_text);
  const node = el("p", { class: "snippet" });
  let at = 0;
  for (const [start, end] of hit.highlights) {
    node.append(document.createTextNode(chars.slice(at, start).join("")));
    node.append(el("mark", {}, chars.slice(start, end).join("")));
    at = end;
  }
  node.append(document.createTextNode(chars.slice(at).join("")));
  return node;
}

// ---- rendering ------------------------------------------------------------

let renderId = 0;

async function render() {
  const id = ++renderId;
  if ($("q").value !== state.q && document.activeElement !== $("q")) $("q").value = state.q;
  $("view-results").setAttribute("aria-pressed", String(state.view === "results"));
  $("view-timeline").setAttribute("aria-pressed", String(state.view === "timeline"));
  renderChips();
  closePopover();
  const page = state.view === "timeline" ? renderTimeline(id) : renderResults(id);
  const passage = state.passage ? renderPassage(state.passage) : closePassage();
  await Promise.all([page, passage]);
}

function renderChips() {
  const chips = $("chips");
  chips.replaceChildren();
  for (const f of FILTERS) {
    for (const v of state.filters[f] || []) {
      const label = f === "affiliates" ? "with affiliates" : f.replace("_", " ") + ": " + valueLabel(f, v);
      chips.append(el("span", { class: "chip", "data-filter": f, "data-value": v }, label,
        el("button", { type: "button", "aria-label": "Remove filter " + label,
          onclick: () => go(withoutFilter(f, v)) }, "×")));
    }
  }
}

function setStatus(text, isError) {
  $("status").textContent = text;
  $("status").classList.toggle("error", Boolean(isError));
}

async function renderResults(id) {
  $("results").hidden = false;
  $("timeline").hidden = true;
  const params = stateQuery(state, { withView: false, withPassage: false, withOffset: false });
  params.set("limit", String(PAGE));
  params.set("offset", String(state.offset));
  let page;
  try { page = await api("search", params); } catch (e) {
    if (id === renderId) { setStatus(e.message, true); $("results").replaceChildren(); }
    return;
  }
  if (id !== renderId) return;
  const s = page.summary;
  if (!page.hits.length) setStatus(s.total ? "No passage on this page." : "No passage matches; fewer words, or drop a filter.");
  else setStatus((s.offset + 1) + "–" + (s.offset + s.shown) + " of " + s.total + (s.counted_all ? "" : " or more") + " passages");
  $("results").replaceChildren(...page.hits.map(hitNode));
  renderFacets(page.facets);
  renderPager(s);
}

function hitNode(hit) {
  const open = () => go({ ...state, passage: hit.id });
  return el("li", { class: "hit", tabindex: "0", "data-id": hit.id,
    onclick: (e) => { if (!e.target.closest(".fn")) open(); },
    onkeydown: (e) => { if (e.key === "Enter" && e.target === e.currentTarget) open(); } },
  el("div", { class: "cite-line" }, citationLine(hit)),
  el("div", { class: "where" }, whereLine(hit)),
  snippetNode(hit),
  refsNode(hit));
}

// Footnote numbers: each opens its footnote and cited sources.
function refsNode(p) {
  if (!p.footnotes || !p.footnotes.length) return null;
  return el("div", { class: "refs" }, "footnotes",
    p.footnotes.map((fid) => el("button", { type: "button", class: "fn", "data-fn": fid,
      "aria-haspopup": "dialog", onclick: (e) => { e.stopPropagation(); openPopover(e.currentTarget, fid); } },
    fid.split("/fn").pop())));
}

function renderFacets(facets) {
  const box = $("facets");
  const groups = [];
  for (const [dim, heading] of DIMENSIONS) {
    const values = facets.filter((f) => f.facet === dim);
    if (!values.length) continue;
    const active = state.filters[dim] || [];
    const items = values.filter((f) => !active.includes(f.value)).map((f) =>
      el("li", {}, el("button", { type: "button", "data-facet": dim, "data-value": f.value,
        onclick: () => go(withFilter(dim, f.value)) },
      el("span", { class: "label" }, valueLabel(dim, f.value)), el("span", { class: "count" }, String(f.count)))));
    const extra = dim === "group" && state.filters.group ? el("label", {},
      el("input", { type: "checkbox", id: "affiliates", checked: Boolean(state.filters.affiliates),
        onchange: (e) => go(e.target.checked ? withFilter("affiliates", "1") : withoutFilter("affiliates", "1")) }),
      " include affiliates") : null;
    groups.push(el("section", { class: "facet", "data-dim": dim }, el("h3", {}, heading), extra, el("ul", {}, items)));
  }
  box.replaceChildren(...groups);
}

function renderPager(s) {
  const prev = el("button", { type: "button", disabled: s.offset === 0,
    onclick: () => go({ ...state, offset: Math.max(0, s.offset - PAGE) }) }, "← Previous");
  const more = !s.counted_all || s.offset + s.shown < s.total;
  const next = el("button", { type: "button", disabled: !(more && s.shown === PAGE),
    onclick: () => go({ ...state, offset: s.offset + PAGE }) }, "Next →");
  $("pager").replaceChildren(prev, next);
}

async function renderTimeline(id) {
  $("results").hidden = true;
  $("timeline").hidden = false;
  $("pager").replaceChildren();
  const params = stateQuery(state, { withView: false, withPassage: false, withOffset: false });
  params.set("limit", "100");
  let t;
  try { t = await api("timeline", params); } catch (e) {
    if (id === renderId) { setStatus(e.message, true); $("timeline").replaceChildren(); }
    return;
  }
  if (id !== renderId) return;
  setStatus(t.total ? t.entries.length + " of " + t.total + " dated entries, in date order" : "No dated passage matches.");
  $("timeline").replaceChildren(...t.entries.map((e) => {
    const open = () => go({ ...state, passage: e.id });
    return el("li", { class: "entry", tabindex: "0", "data-id": e.id, onclick: open,
      onkeydown: (ev) => { if (ev.key === "Enter") open(); } },
    el("span", { class: "date" }, e.qualifier ? e.date + " (" + e.qualifier + ")" : e.date),
    el("div", {}, el("div", {}, e.sentence), el("div", { class: "where" }, e.doc_title + " · " + whereLine(e))));
  }));
  // The facet counts still describe the query and filters.
  const params2 = stateQuery(state, { withView: false, withPassage: false, withOffset: false });
  params2.set("limit", "1");
  try { const page = await api("search", params2); if (id === renderId) renderFacets(page.facets); } catch (_) { /* status shows the error */ }
}

// ---- passage view ---------------------------------------------------------

async function renderPassage(pid) {
  const box = $("passage");
  let p;
  try { p = await api("show", new URLSearchParams({ id: pid, context: "2" })); } catch (e) {
    box.hidden = false;
    $("passage-title").textContent = "Passage not found";
    $("passage-body").replaceChildren(el("p", { class: "error" }, e.message));
    return;
  }
  if (state.passage !== pid) return;
  $("passage-title").textContent = citationLine(p);
  const neighbour = (n) => el("div", { class: "neighbour", "data-id": n.id },
    el("div", { class: "where" }, whereLine(n)), el(n.kind === "heading" ? "strong" : "p", {}, n.text));
  const notes = (p.footnote_passages || []).map((f) => el("li", { "data-id": f.id },
    el("strong", {}, "[" + f.n + "] "), f.text,
    f.sources && f.sources.length ? el("div", { class: "where" }, "sources: " + f.sources.join("; ")) : null));
  const citeOut = el("textarea", { id: "cite-text", readonly: true, hidden: true, "aria-label": "Citation" });
  const citeStatus = el("span", { id: "cite-status", role: "status" });
  $("passage-body").replaceChildren(
    ...p.before.map(neighbour),
    el("div", { class: "focus-passage", "data-id": p.id },
      el("div", { class: "where" }, whereLine(p)), el("p", { id: "passage-text" }, p.text),
      p.sources && p.sources.length ? el("div", { class: "where" }, "sources: " + p.sources.join("; ")) : null,
      p.cited_by_passage ? el("div", { class: "where" }, "cited by ",
        el("a", { href: "/?" + stateQuery({ ...state, passage: p.cited_by_passage.id }).toString(),
          onclick: (e) => { e.preventDefault(); go({ ...state, passage: p.cited_by_passage.id }); } },
        p.cited_by_passage.id)) : null),
    el("div", { class: "actions" },
      el("button", { type: "button", id: "cite-button", onclick: () => copyCitation(p.id, citeOut, citeStatus) }, "Cite"),
      citeStatus),
    citeOut,
    notes.length ? el("ol", { class: "footnotes", "aria-label": "Footnotes" }, notes) : null,
    ...p.after.map(neighbour),
    p.provenance ? el("p", { class: "where" }, "from " + p.provenance.source_path) : null);
  box.hidden = false;
  $("passage-close").focus({ preventScroll: true });
}

function closePassage() {
  $("passage").hidden = true;
  return null;
}

async function copyCitation(pid, out, status) {
  let text;
  try { text = (await api("cite", new URLSearchParams({ id: pid }))).text; } catch (e) {
    status.textContent = e.message;
    return;
  }
  out.value = text;
  out.hidden = false;
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Citation copied.";
  } catch (_) {
    out.select();
    status.textContent = "Select and copy the citation below.";
  }
}

// ---- footnote pop-over ----------------------------------------------------

async function openPopover(anchor, fid) {
  const pop = $("popover");
  let f;
  try { f = await api("show", new URLSearchParams({ id: fid, context: "0" })); } catch (e) {
    f = null;
    pop.replaceChildren(el("p", { class: "error" }, e.message));
  }
  if (f) {
    pop.replaceChildren(el("div", { class: "where" }, "footnote " + f.n + " · " + f.id),
      el("p", { class: "fn-text" }, f.text),
      f.sources && f.sources.length ? el("div", { class: "sources" }, "Sources: " + f.sources.join("; ")) : null);
  }
  const r = anchor.getBoundingClientRect();
  pop.style.top = (window.scrollY + r.bottom + 6) + "px";
  pop.style.left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 360)) + "px";
  pop.hidden = false;
  pop.dataset.for = fid;
  popoverAnchor = anchor;
}

let popoverAnchor = null;

function closePopover() {
  const pop = $("popover");
  if (pop.hidden) return false;
  pop.hidden = true;
  if (popoverAnchor && document.contains(popoverAnchor)) popoverAnchor.focus({ preventScroll: true });
  popoverAnchor = null;
  return true;
}

// ---- keyboard -------------------------------------------------------------

function moveFocus(step) {
  const items = Array.from(document.querySelectorAll(state.view === "timeline" ? "#timeline .entry" : "#results .hit"));
  if (!items.length) return;
  const at = items.indexOf(document.activeElement.closest(".hit, .entry"));
  const next = at < 0 ? (step > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step));
  items[next].focus();
}

document.addEventListener("keydown", (e) => {
  const typing = e.target.matches("input, textarea");
  if (e.key === "Escape") {
    if (closePopover()) return;
    if (state.passage) { go({ ...state, passage: "" }); return; }
    if (typing) e.target.blur();
    return;
  }
  if (e.key === "/" && !typing) { e.preventDefault(); $("q").focus(); $("q").select(); return; }
  if (e.key === "ArrowDown" && (!typing || e.target.id === "q")) { e.preventDefault(); moveFocus(1); }
  if (e.key === "ArrowUp" && !typing) { e.preventDefault(); moveFocus(-1); }
});

document.addEventListener("click", (e) => {
  if (!e.target.closest("#popover, .fn")) closePopover();
});

// ---- start ----------------------------------------------------------------

let typingTimer = 0;
$("q").addEventListener("input", () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    const q = $("q").value.trim();
    if (q === state.q) return;
    go({ ...state, q, offset: 0, passage: "" }, "typing");
  }, DEBOUNCE_MS);
});
$("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  clearTimeout(typingTimer);
  const q = $("q").value.trim();
  if (q !== state.q) go({ ...state, q, offset: 0, passage: "" });
  moveFocus(1);
});
$("view-results").addEventListener("click", () => go({ ...state, view: "results", passage: "" }));
$("view-timeline").addEventListener("click", () => go({ ...state, view: "timeline", offset: 0, passage: "" }));
$("passage-close").addEventListener("click", () => go({ ...state, passage: "" }));
window.addEventListener("popstate", () => { state = readState(); $("q").value = state.q; render(); });

(async () => {
  $("q").value = state.q;
  // On a phone the filters start folded, so that the hits come first.
  if (window.matchMedia("(max-width: 720px)").matches) $("facets-box").open = false;
  try {
    const d = await api("docs");
    docTitles = new Map(d.docs.map((x) => [x.id, x.title]));
  } catch (_) { /* titles fall back to ids */ }
  render();
})();
