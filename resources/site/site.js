/* The published programme's behaviour: the language switch, the viewer's own times, filters
   and search, stars, "My programme" with clash warnings, and calendar files of starred
   events built with the bundled ical.js.

   Plain script without a build step. It works from file:// as from a web host: no fetch(),
   no modules; the events' data (data/events-N.js) and ical.js come in as <script> elements,
   only when they are needed. The page itself is complete HTML without this script. */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("site-config").textContent);
  const root = document.documentElement;
  const LANG_KEY = "planner-site:lang";
  const STAR_KEY = "planner-site:" + config.site + ":stars";
  const VIEWER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Dates in the pages' own order: "Wed, 3 Apr" in English, as the headings write them.
  const LOCALES = { de: "de-DE", en: "en-GB", ru: "ru-RU" };
  let lang = root.getAttribute("data-lang");

  const $ = (selector) => document.querySelector(selector);
  const $$ = (selector, within) => Array.from((within || document).querySelectorAll(selector));

  // localStorage can be missing or refuse (private windows, a full disk): the page still
  // works, it only forgets.
  const storage = {
    get(key) {
      try { return localStorage.getItem(key); } catch (error) { return null; }
    },
    set(key, value) {
      try { localStorage.setItem(key, value); } catch (error) { /* forgotten */ }
    },
  };

  // ----------------------------------------------------------------- texts and languages

  /** The site text `key` in the current language, its {placeholders} filled. */
  function ui(key, values) {
    const template = config.ui[lang][key] || config.ui.en[key] || key;
    return template.replace(/\{(\w+)\}/g, (all, name) =>
      values && name in values ? String(values[name]) : all);
  }

  /** A programme text from the data files: one string, or one per language. */
  function pick(texts) {
    return typeof texts === "string" ? texts : texts[lang];
  }

  /** An element with `text` in each language, shown like the page's own (see site.css). */
  function languageSpans(tag, texts) {
    const element = document.createElement(tag);
    if (typeof texts === "string") {
      element.textContent = texts;
      return element;
    }
    for (const code of ["de", "en", "ru"]) {
      const span = document.createElement("span");
      span.setAttribute("data-l", code);
      span.textContent = texts[code];
      element.appendChild(span);
    }
    return element;
  }

  function setLanguage(code, remember) {
    lang = code;
    root.lang = code;
    root.setAttribute("data-lang", code);
    if (remember) storage.set(LANG_KEY, code);
    for (const element of $$("[data-i18n]")) {
      const values = element.dataset.values ? JSON.parse(element.dataset.values) : null;
      element.textContent = ui(element.dataset.i18n, values);
    }
    for (const button of $$("[data-set-lang]")) {
      button.setAttribute("aria-pressed", String(button.dataset.setLang === code));
    }
    for (const option of $$("#venue option")) {
      if (option.value) option.textContent = pick(config.venues[option.value]);
      else option.textContent = ui("all_venues");
    }
    const heading = $(".day h2 [data-l='" + code + "']") || $(".day h2");
    document.title = (config.single || !heading ? "" : heading.textContent + " · ") +
      pick(config.name);
    showLocalTimes();
    showCount();
    showClashes();
    if (!mine.hidden) renderMine();
    if (code !== config.lang || texts) loadTexts().then(showDescriptions);
  }

  // ------------------------------------------------------------------ the viewer's zone

  const timeFormats = {};
  /** Intl formats, made once per language and zone (making one is slow). */
  function format(kind, zone) {
    const key = kind + "|" + lang + "|" + zone;
    if (!timeFormats[key]) {
      const options = { timeZone: zone };
      if (kind !== "day") Object.assign(options, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
      if (kind !== "time") Object.assign(options, { weekday: "short", day: "numeric", month: "short" });
      timeFormats[key] = new Intl.DateTimeFormat(LOCALES[lang], options);
    }
    return timeFormats[key];
  }

  const dayLabels = new Map();
  /** "Wed 3 Apr" for the calendar day "YYYY-MM-DD", in the page's language. */
  function dayLabel(day) {
    const key = lang + day;
    if (!dayLabels.has(key)) {
      dayLabels.set(key, format("day", "UTC").format(new Date(day + "T12:00:00Z")));
    }
    return dayLabels.get(key);
  }

  /** The reader's own calendar day and clock ("YYYY-MM-DD", "HH:MM") at the instant `ms`.
      Plain arithmetic on the browser's own offset: a page of a festival holds hundreds of
      times, and Intl would take a good part of its loading time. */
  function readerClock(ms) {
    const text = new Date(ms - new Date(ms).getTimezoneOffset() * 60000).toISOString();
    return [text.slice(0, 10), text.slice(11, 16)];
  }

  /** Under each event's times, the same times in the reader's zone where they differ. */
  function showLocalTimes() {
    if (VIEWER_ZONE === config.zone) return;
    for (const when of document.querySelectorAll(".ev .when[data-start]")) {
      // "2019-04-03T10:00:00+03:00": the programme's day and clock are the text's own.
      const startText = when.dataset.start;
      const endText = when.dataset.end;
      const [startDay, startClock] = readerClock(Date.parse(startText));
      const [endDay, endClock] = readerClock(Date.parse(endText));
      const last = when.lastElementChild;
      let local = last && last.className === "local" ? last : null;
      if (startDay === startText.slice(0, 10) && startClock === startText.slice(11, 16) &&
          endDay === endText.slice(0, 10) && endClock === endText.slice(11, 16)) {
        if (local) local.remove();
        continue;
      }
      if (!local) {
        local = document.createElement("span");
        local.className = "local";
        when.appendChild(local);
      }
      const from = (startDay !== startText.slice(0, 10) ? dayLabel(startDay) + " " : "") + startClock;
      const to = (endDay !== startDay ? dayLabel(endDay) + " " : "") + endClock;
      local.textContent = ui("your_time", { zone: VIEWER_ZONE, time: from + "–" + to });
    }
  }

  /** "Wed, 3 Apr 10:00–13:00" in `zone`; the day only where it is not the programme's. */
  function span(start, end, zone, withDay) {
    const day = format("day", zone).format(start);
    const programmeDay = format("day", config.zone).format(start);
    const from = (withDay || day !== programmeDay ? day + " " : "") + format("time", zone).format(start);
    const endDay = format("day", zone).format(end);
    const to = (endDay !== day ? endDay + " " : "") + format("time", zone).format(end);
    return from + "–" + to;
  }

  // -------------------------------------------------------------------- filters, search

  const filterForm = $("#filters");
  const cards = $$("article.ev");
  const sections = $$("section.day");
  let haystacks = null;

  /** Text folded for searching as planner/search.py folds it: case-folded, without marks
      (so "ё" finds "е" and "cafe" finds "Café"), compatibility forms plain, single-spaced. */
  function normalise(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{Mn}/gu, "")
      .replace(/ß/g, "ss").replace(/ς/g, "σ").toLowerCase()
      .replace(/\s+/g, " ").trim();
  }

  /** What a search looks through, as planner/search.py: titles, descriptions, the track,
      the speakers and the venue's name and address, in every language (the hidden
      languages' spans are text of the page too, the descriptions come from the texts
      file); not the page's own labels. */
  function haystack(card) {
    const parts = $$(".ttl, .desc, .tn, .sp, .vn, .addr", card).map((element) => element.textContent);
    const details = card.querySelector("details[data-d]");
    const description = details && texts && texts[details.dataset.d];
    if (description) parts.push(...Object.values(description));
    return normalise(parts.join("\n"));
  }

  // ---------------------------------------------------- descriptions in every language

  // A page carries each description once, in its own language: descriptions are most of
  // an event's bytes. The others wait in the page's texts file, read when the reader
  // searches or turns to another language.
  let texts = null;
  let textsLoading = null;

  /** Called by the page's texts file: each description by its number, in the languages
      it has. */
  window.plannerSiteTexts = function (found) { texts = found; };

  function loadTexts() {
    const source = $("#programme") && $("#programme").dataset.texts;
    if (!textsLoading) {
      textsLoading = (source ? loadScript(source) : Promise.resolve())
        .then(() => { texts = texts || {}; }, () => { texts = {}; });
    }
    return textsLoading;
  }

  /** Each description in the reader's language (or the next one it has). */
  function showDescriptions() {
    for (const details of document.querySelectorAll("details[data-d]")) {
      const description = texts && texts[details.dataset.d];
      if (!description) continue;
      const own = config.fallback[lang].find((code) => description[code]);
      const paragraph = details.lastElementChild;
      paragraph.textContent = description[own];
      if (own === lang) paragraph.removeAttribute("lang");
      else paragraph.lang = own;
    }
  }

  const state = { view: "programme", q: "", tracks: null, venue: "", day: "" };

  function readHash() {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash === "mine") return Object.assign(state, { view: "mine" });
    if (!hash.includes("=")) return Object.assign(state, { view: "programme" });
    const params = new URLSearchParams(location.hash.slice(1));
    state.view = params.get("view") === "mine" ? "mine" : "programme";
    state.q = params.get("q") || "";
    state.tracks = params.has("track") ? new Set(params.get("track").split(",").filter(Boolean)) : null;
    state.venue = params.get("venue") || "";
    state.day = params.get("day") || "";
    return state;
  }

  /** The filters as a hash, without the day when `withDay` is false (for other days' links). */
  function stateHash(withDay) {
    const params = new URLSearchParams();
    if (state.view === "mine") params.set("view", "mine");
    if (state.q) params.set("q", state.q);
    if (state.tracks) params.set("track", Array.from(state.tracks).sort().join(","));
    if (state.venue) params.set("venue", state.venue);
    if (withDay && state.day) params.set("day", state.day);
    const text = params.toString();
    return text ? "#" + text : "";
  }

  function writeHash(push) {
    const hash = stateHash(true) || (state.view === "mine" ? "#mine" : "");
    const url = location.pathname + location.search + hash;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    // Other pages keep the filters (but not the day) when the reader moves on to them.
    if (!config.single) {
      for (const link of $$(".days a, .overview-days a")) {
        link.href = link.getAttribute("href").split("#")[0] + stateHash(false);
      }
    }
  }

  /** The form's controls set from `state`. */
  function showState() {
    if (!filterForm) return;
    filterForm.elements.q.value = state.q;
    for (const box of $$("input[name=track]", filterForm)) {
      box.checked = !state.tracks || state.tracks.has(box.value);
    }
    filterForm.elements.venue.value = state.venue;
    if (filterForm.elements.venue.value !== state.venue) state.venue = "";
  }

  /** `state` read from the form's controls. */
  function readForm() {
    state.q = filterForm.elements.q.value;
    const boxes = $$("input[name=track]", filterForm);
    const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
    state.tracks = ticked.length === boxes.length ? null : new Set(ticked);
    state.venue = filterForm.elements.venue.value;
  }

  let shownCount = cards.length;

  function applyFilters() {
    if (!filterForm) return;
    const words = normalise(state.q).split(" ").filter(Boolean);
    if (words.length && !texts) {
      // The descriptions in the other languages first (a moment, once).
      loadTexts().then(applyFilters);
      return;
    }
    if (words.length && !haystacks) haystacks = cards.map(haystack);
    shownCount = 0;
    cards.forEach((card, index) => {
      const visible = (!state.tracks || state.tracks.has(card.dataset.track)) &&
        (!state.venue || card.dataset.venue === state.venue) &&
        (!state.day || card.parentNode.dataset.day === state.day) &&
        words.every((word) => haystacks[index].includes(word));
      if (card.hidden === visible) card.hidden = !visible;
      if (visible) shownCount += 1;
    });
    for (const section of sections) {
      const wanted = !state.day || section.dataset.day === state.day;
      section.hidden = !wanted || !section.querySelector("article.ev:not([hidden])") &&
        section.querySelector("article.ev") !== null;
    }
    $("#none-shown").hidden = shownCount > 0;
    $("#clear").hidden = !(state.q || state.tracks || state.venue || state.day);
    if (config.single) {
      for (const link of $$(".days a[data-day]")) {
        if (link.dataset.day === state.day) link.setAttribute("aria-current", "true");
        else link.removeAttribute("aria-current");
      }
    }
    showCount();
  }

  function showCount() {
    const status = $("#shown");
    if (!status) return;
    status.textContent = ui("shown", { count: shownCount, total: cards.length });
    status.dataset.q = state.q;  // the search the count is for
  }

  // ---------------------------------------------------------------------------- views

  const mine = $("#mine");
  const programmeParts = [$("#programme"), $("search.filters")].filter(Boolean);

  function showView(view) {
    state.view = view;
    mine.hidden = view !== "mine";
    for (const part of programmeParts) part.hidden = view === "mine";
    for (const link of $$(".views a")) {
      if (link.dataset.view === view) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    if (view === "mine") renderMine();
  }

  /** Follow a link to one event ("#e-..."): show it even if the filters hid it. */
  function showEvent(id) {
    const card = document.getElementById(id);
    if (!card || !card.matches("article.ev")) return false;
    showView("programme");
    if (card.hidden || card.closest("section.day").hidden) {
      Object.assign(state, { q: "", tracks: null, venue: "", day: "" });
      showState();
      applyFilters();
    }
    card.setAttribute("tabindex", "-1");
    card.scrollIntoView({ block: "start" });
    card.focus({ preventScroll: true });
    return true;
  }

  function route() {
    const id = location.hash.slice(1);
    if (/^e-/.test(id) && showEvent(id)) return;
    readHash();
    showState();
    applyFilters();
    showView(state.view);
  }

  // ------------------------------------------------------------------------------ stars

  let stars = new Set(JSON.parse(storage.get(STAR_KEY) || "[]"));

  function showStars() {
    for (const button of $$("button.star")) {
      const uid = button.closest("[data-uid]").dataset.uid;
      button.setAttribute("aria-pressed", String(stars.has(uid)));
    }
    $("#star-count").textContent = stars.size ? String(stars.size) : "";
  }

  function toggleStar(uid) {
    if (stars.has(uid)) stars.delete(uid);
    else stars.add(uid);
    storage.set(STAR_KEY, JSON.stringify(Array.from(stars).sort()));
    showStars();
    showClashes();
    if (!mine.hidden) renderMine();
  }

  // ------------------------------------------------------------------- the events' data

  const known = new Map();
  const buckets = new Map();

  /** Called by each data/events-N.js as it loads. */
  window.plannerSiteData = function (number, events) {
    for (const event of events) known.set(event.uid, event);
  };

  /** The 32-bit FNV-1a hash of the UTF-8 bytes of `text` (as planner/site computes it). */
  function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
      hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    }
    return hash;
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error("cannot load " + src));
      document.head.appendChild(script);
    });
  }

  /** The data of the events `uids` that the programme still has. */
  function eventsFor(uids) {
    const wanted = new Set(Array.from(uids, (uid) => fnv1a(uid) % config.buckets));
    return Promise.all(Array.from(wanted, (number) => {
      if (!buckets.has(number)) buckets.set(number, loadScript("data/events-" + number + ".js"));
      return buckets.get(number);
    })).then(() => Array.from(uids, (uid) => known.get(uid)).filter(Boolean));
  }

  /** For each event, the events it overlaps (cancelled ones never clash; touching events,
      one ending as the next starts, do not either), as planner/search.py's starred_clashes. */
  function clashes(events) {
    const items = [];
    for (const event of events) {
      if (event.status === "cancelled") continue;
      for (const [start, end] of event.occurrences) items.push([start, end, event.uid]);
    }
    items.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    const found = new Map();
    const note = (a, b) => {
      if (!found.has(a)) found.set(a, new Set());
      found.get(a).add(b);
    };
    let active = [];
    for (const [start, end, uid] of items) {
      active = active.filter((item) => item[0] > start);
      for (const [, other] of active) {
        if (other !== uid) { note(uid, other); note(other, uid); }
      }
      active.push([end, uid]);
    }
    return found;
  }

  function clashText(uid, found) {
    return ui("clash", {
      titles: Array.from(found.get(uid))
        .map((other) => ui("quoted", { title: pick(known.get(other).title) })).join(", "),
    });
  }

  /** A warning on each starred event of the page that clashes with another starred one. */
  function showClashes() {
    for (const note of $$(".ev .clash-note")) note.remove();
    if (!stars.size) return;
    eventsFor(stars).then((events) => {
      const found = clashes(events);
      for (const note of $$(".ev .clash-note")) note.remove();
      for (const card of cards) {
        if (!found.has(card.dataset.uid) || !stars.has(card.dataset.uid)) continue;
        const note = document.createElement("p");
        note.className = "clash-note";
        note.textContent = "⚠ " + clashText(card.dataset.uid, found);
        card.querySelector(".body").appendChild(note);
      }
    }, () => {});
  }

  // ------------------------------------------------------------------------ my programme

  function renderMine() {
    const list = $("#mine-list");
    const status = $("#mine-status");
    const wanted = Array.from(stars);
    if (!wanted.length) {
      list.replaceChildren();
      $("#mine-clashes").hidden = true;
      status.textContent = ui("mine_empty");
      $("#mine-ics").disabled = true;
      return;
    }
    status.textContent = ui("mine_loading");
    eventsFor(wanted).then((events) => {
      const found = clashes(events);
      const rows = [];
      for (const event of events) {
        for (const [start, end, changed] of event.occurrences) {
          rows.push([start, end, event, changed === undefined ? event : event.overrides[changed]]);
        }
      }
      rows.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2].uid < b[2].uid ? -1 : 1));
      list.replaceChildren(...rows.map((row) => mineEntry(...row, found)));
      const gone = wanted.length - events.length;
      status.textContent = gone ? ui("mine_gone", { count: gone }) : "";
      const clashing = events.filter((event) => found.has(event.uid)).length;
      $("#mine-clashes").hidden = !clashing;
      $("#mine-clashes").textContent = "⚠ " + ui("clash_count", { count: clashing });
      $("#mine-ics").disabled = !events.length;
    }, (error) => { status.textContent = String(error); });
  }

  /** One occurrence in My programme: `event` the series' data, `part` the occurrence's
      own (the series', or that of the override that changed it). */
  function mineEntry(start, end, event, part, found) {
    const item = document.createElement("li");
    item.dataset.uid = event.uid;
    item.style.setProperty("--c", event.colour);
    if (part.status === "cancelled") item.className = "cancelled";
    const when = document.createElement("p");
    when.className = "when";
    const from = new Date(start * 1000), to = new Date(end * 1000);
    when.textContent = event.allDay ? format("day", config.zone).format(from) + " · " + ui("all_day")
      : span(from, to, config.zone, true);
    if (!event.allDay && VIEWER_ZONE !== config.zone &&
        span(from, to, config.zone, true) !== span(from, to, VIEWER_ZONE, true)) {
      const local = document.createElement("span");
      local.className = "local";
      local.textContent = " · " + ui("your_time", { zone: VIEWER_ZONE, time: span(from, to, VIEWER_ZONE) });
      when.appendChild(local);
    }
    item.appendChild(when);
    item.appendChild(languageSpans("h3", part.title));
    if (part.status === "cancelled") {
      const mark = document.createElement("span");
      mark.className = "mark mark-cancelled";
      mark.textContent = ui("cancelled");
      const line = document.createElement("p");
      line.appendChild(mark);
      item.appendChild(line);
    }
    if (part.venue) item.appendChild(languageSpans("p", part.location || part.venue));
    if (found.has(event.uid)) {
      const note = document.createElement("p");
      note.className = "clash-note";
      note.textContent = "⚠ " + clashText(event.uid, found);
      item.appendChild(note);
    }
    const actions = document.createElement("p");
    actions.className = "acts";
    const star = document.createElement("button");
    star.type = "button";
    star.className = "star";
    star.setAttribute("aria-pressed", "true");
    star.textContent = ui("star");
    const link = document.createElement("a");
    link.href = event.href;
    link.textContent = ui("show_in_programme");
    actions.append(star, link);
    item.appendChild(actions);
    return item;
  }

  // ------------------------------------------------------------------ calendar files

  /** The iCalendar text of `events`, made by ical.js in the reader's language. */
  function calendarText(events) {
    const ICAL = window.ICAL;
    const calendar = new ICAL.Component(["vcalendar", [], []]);
    const name = pick(config.name) + " – " + ui("mine");
    calendar.addPropertyWithValue("version", "2.0");
    calendar.addPropertyWithValue("prodid", "-//Programme Planner//Programme Planner 1//EN");
    calendar.addPropertyWithValue("calscale", "GREGORIAN");
    calendar.addPropertyWithValue("method", "PUBLISH");
    calendar.addPropertyWithValue("name", name);
    calendar.addPropertyWithValue("x-wr-calname", name);
    calendar.addPropertyWithValue("x-wr-timezone", config.zone);
    const zones = new Set();
    for (const event of events) {
      for (const part of [event].concat(event.overrides || [])) {
        if (part.tzid) zones.add(part.tzid);
      }
    }
    for (const zone of Array.from(zones).sort()) {
      calendar.addSubcomponent(ICAL.Component.fromString(config.vtimezones[zone]));
    }
    const stamp = ICAL.Time.fromJSDate(new Date(), true);
    for (const event of events) {
      const uid = event.icalUid || event.uid;
      const series = vevent(ICAL, uid, event, stamp);
      for (const rule of event.rrules || []) {
        series.addPropertyWithValue("rrule", ICAL.Recur.fromString(rule));
      }
      if (event.rdates) series.addProperty(times(ICAL, "rdate", event.rdates, event.tzid));
      for (const [start, end] of event.periods || []) {
        const period = times(ICAL, "rdate", [], event.tzid);
        period.resetType("period");
        period.setValue(ICAL.Period.fromData({
          start: ICAL.Time.fromString(start), end: ICAL.Time.fromString(end),
        }));
        series.addProperty(period);
      }
      if (event.exdates) series.addProperty(times(ICAL, "exdate", event.exdates, event.tzid));
      calendar.addSubcomponent(series);
      // A changed occurrence: a VEVENT of its own with the series' UID and RECURRENCE-ID.
      for (const changed of event.overrides || []) {
        const occurrence = vevent(ICAL, uid, changed, stamp);
        const id = times(ICAL, "recurrence-id", [changed.recurrenceId], event.tzid);
        if (changed.thisAndFuture) id.setParameter("range", "THISANDFUTURE");
        occurrence.addProperty(id);
        calendar.addSubcomponent(occurrence);
      }
    }
    return calendar.toString() + "\r\n";
  }

  /** A date or date-time property (with TZID when `tzid` is given) of the ISO `values`. */
  function times(ICAL, name, values, tzid) {
    const property = new ICAL.Property(name);
    if (tzid && !values.some((value) => value.endsWith("Z"))) property.setParameter("tzid", tzid);
    const parsed = values.map((value) => ICAL.Time.fromString(value));
    if (parsed.length === 1) property.setValue(parsed[0]);
    else if (parsed.length) property.setValues(parsed);
    return property;
  }

  /** The VEVENT of `part`: the calendar properties of an event or of one changed occurrence,
      which planner/site prepares with the functions the ICS export writes them with. */
  function vevent(ICAL, uid, part, stamp) {
    const component = new ICAL.Component("vevent");
    const add = (name, value) => component.addPropertyWithValue(name, value);
    add("uid", uid);
    add("dtstamp", stamp);
    add("last-modified", ICAL.Time.fromString(part.modified));
    add("sequence", part.sequence);
    component.addProperty(times(ICAL, "dtstart", [part.start], part.tzid));
    component.addProperty(times(ICAL, "dtend", [part.end], part.tzid));
    add("summary", pick(part.title));
    if (part.description) add("description", pick(part.description));
    if (part.location) add("location", pick(part.location));
    if (part.geo) add("geo", part.geo);
    if (part.track) add("categories", pick(part.track));
    add("status", part.status.toUpperCase());
    if (part.url) add("url", part.url);
    return component;
  }

  let icalLoading = null;

  /** Offer the calendar file of the starred events as a download. */
  function downloadStarred() {
    icalLoading = icalLoading || loadScript("assets/ical.js");
    Promise.all([icalLoading, eventsFor(stars)]).then(([, events]) => {
      const blob = new Blob([calendarText(events)], { type: "text/calendar;charset=utf-8" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "my-programme.ics";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    }, (error) => { $("#mine-status").textContent = String(error); });
  }

  // --------------------------------------------------------------------------- wiring

  document.addEventListener("click", (event) => {
    const target = event.target.closest("button, a");
    if (!target) return;
    if (target.matches("button.star")) {
      toggleStar(target.closest("[data-uid]").dataset.uid);
    } else if (target.matches("[data-set-lang]")) {
      setLanguage(target.dataset.setLang, true);
    } else if (target.matches(".views a")) {
      event.preventDefault();
      showView(target.dataset.view);
      writeHash(true);
      if (state.view === "mine") $("#mine-label").focus();
    } else if (config.single && target.matches(".days a[data-day]")) {
      event.preventDefault();
      state.day = target.dataset.day;
      showView("programme");
      applyFilters();
      writeHash(false);
    } else if (target.id === "mine-ics") {
      downloadStarred();
    } else if (target.id === "mine-print") {
      window.print();
    }
  });

  if (filterForm) {
    let typing = 0;
    filterForm.addEventListener("input", () => {
      clearTimeout(typing);
      // Searching on every keystroke of a fast typist would redo the work for nothing.
      typing = setTimeout(() => { readForm(); applyFilters(); writeHash(false); }, 120);
    });
    filterForm.addEventListener("change", () => { readForm(); applyFilters(); writeHash(false); });
    filterForm.addEventListener("submit", (event) => event.preventDefault());
    filterForm.addEventListener("reset", () => setTimeout(() => {
      Object.assign(state, { q: "", tracks: null, venue: "", day: "" });
      showState();
      applyFilters();
      writeHash(false);
    }));
  }

  window.addEventListener("popstate", route);
  window.addEventListener("hashchange", route);
  // Another tab starred or unstarred an event.
  window.addEventListener("storage", (event) => {
    if (event.key !== STAR_KEY) return;
    stars = new Set(JSON.parse(event.newValue || "[]"));
    showStars();
    showClashes();
    if (!mine.hidden) renderMine();
  });
  // Paper shows the descriptions that the screen folds away.
  const folded = [];
  window.addEventListener("beforeprint", () => {
    for (const details of $$("details:not([open])")) { details.open = true; folded.push(details); }
  });
  window.addEventListener("afterprint", () => { for (const details of folded.splice(0)) details.open = false; });

  /** Mark today in the days' navigation when the programme is on. */
  function markToday() {
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: config.zone }).format(new Date());
    const link = $(".days a[data-day='" + today + "']");
    if (!link) return;
    const mark = document.createElement("span");
    mark.className = "today-mark";
    mark.setAttribute("data-i18n", "today");
    mark.textContent = ui("today");
    link.append(" · ", mark);
  }

  markToday();
  if (lang !== config.lang) setLanguage(lang, false);
  showStars();
  route();
  // On a phone the tracks and venue fold away under their heading unless they filter.
  const refine = $("details.refine");
  if (refine && window.matchMedia("(max-width: 59.99rem)").matches) {
    refine.open = Boolean(state.tracks || state.venue);
  }
  showClashes();
  showLocalTimes();
})();
