// Test support: read an iCalendar file with ical.js (the parser of Thunderbird and Nextcloud)
// and print, as JSON, the UTC instants it sees for every VEVENT.
//
// Usage: node read.mjs [OCCURRENCES] < calendar.ics
//        node read.mjs --many [OCCURRENCES] < files.json   (a JSON list of file texts; prints
//        one report a line, one per file)
//
// Output: {"events": [{"uid", "recurrence_id", "start", "end", "summary", "occurrences"}],
//          "errors": ["..."]}
// Date-times are printed as "YYYY-MM-DDTHH:MM:SSZ" in UTC, dates (VALUE=DATE) as "YYYY-MM-DD",
// floating date-times (no zone) as "YYYY-MM-DDTHH:MM:SS". Every VTIMEZONE of the file is
// registered with ICAL.TimezoneService before any event is read; a TZID that names no
// VTIMEZONE of the file is reported as an error, because ical.js then reads the time as
// floating.

import ICAL from "ical.js";

// The properties a round trip must keep (besides every X- property); see parsers.LISTED.
const LISTED = new Set(["organizer", "attendee", "url", "categories", "class", "transp", "geo",
  "attach", "contact"]);

/** A value as text, the same way for any of its types. */
function valueText(value) {
  if (value === null || value === undefined) {
    return "";
  }
  if (Array.isArray(value)) {
    return value.map(valueText).join(";");
  }
  return String(value.toString ? value.toString() : value);
}

/** The listed properties of a VEVENT, each as its sorted parameters and value; each VALARM
 * as its sorted properties. */
function listed(vevent) {
  const found = {};
  const add = (name, text) => {
    (found[name] ??= []).push(text);
  };
  for (const prop of vevent.getAllProperties()) {
    const name = prop.name.toLowerCase();
    if (!LISTED.has(name) && !name.startsWith("x-")) {
      continue;
    }
    if (name === "categories") {
      for (const value of prop.getValues()) {
        add("CATEGORIES", valueText(value).trim());
      }
      continue;
    }
    const params = Object.entries(prop.toJSON()[1])
      .map(([key, value]) => `${key.toUpperCase()}=${valueText(value)}`)
      .sort();
    for (const value of prop.getValues()) {
      add(name.toUpperCase(), `${params.join(";")}:${valueText(value)}`);
    }
  }
  for (const alarm of vevent.getAllSubcomponents("valarm")) {
    const lines = alarm.getAllProperties()
      .map((p) => `${p.name.toUpperCase()}:${p.getValues().map(valueText).join(",")}`)
      .sort();
    add("VALARM", lines.join("|"));
  }
  for (const name of Object.keys(found)) {
    found[name].sort();
  }
  return found;
}

/** Read all of standard input as a UTF-8 string. */
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Zero-pad a number to the given width. */
function pad(value, width) {
  return String(value).padStart(width, "0");
}

/**
 * Format an ICAL.Time: a date as "YYYY-MM-DD", a date-time as its UTC instant
 * "YYYY-MM-DDTHH:MM:SSZ", a floating date-time (no zone) as "YYYY-MM-DDTHH:MM:SS".
 *
 * @param {ICAL.Time} time
 */
function formatTime(time) {
  if (time instanceof ICAL.Period) {
    time = time.start;  // an RDATE's period: its start, as the other readers give it
  }
  const date = (t) => `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}`;
  const clock = (t) => `${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}`;
  if (time.isDate) {
    return date(time);
  }
  if (!time.zone || time.zone.tzid === "floating") {
    return `${date(time)}T${clock(time)}`;
  }
  const utc = time.convertToZone(ICAL.Timezone.utcTimezone);
  return `${date(utc)}T${clock(utc)}Z`;
}

/**
 * Check that every TZID parameter of the component names a registered zone.
 *
 * @param {ICAL.Component} component
 * @param {string} what      name of the event, for error messages
 * @param {string[]} errors  list that problems are appended to
 */
function checkTzids(component, what, errors) {
  for (const prop of component.getAllProperties()) {
    const tzid = prop.getParameter("tzid");
    if (tzid && !ICAL.TimezoneService.has(tzid)) {
      errors.push(`${what}: ${prop.name.toUpperCase()} has TZID=${tzid} without a VTIMEZONE`);
    }
  }
}

/**
 * Read one VEVENT.
 *
 * @param {ICAL.Component} vevent
 * @param {number} occurrences  how many occurrence starts to expand (0: none)
 * @param {string[]} errors     list that problems are appended to
 */
function readEvent(vevent, occurrences, errors) {
  const event = new ICAL.Event(vevent);
  const uid = event.uid;
  const what = `VEVENT ${uid}`;
  checkTzids(vevent, what, errors);
  const result = {
    uid: uid,
    recurrence_id: null,
    start: null,
    end: null,
    summary: event.summary ?? null,
    occurrences: [],
    properties: listed(vevent),
  };
  if (vevent.hasProperty("recurrence-id")) {
    result.recurrence_id = formatTime(event.recurrenceId);
  }
  const start = event.startDate;
  if (!start) {
    errors.push(`${what}: no DTSTART`);
    return result;
  }
  result.start = formatTime(start);
  result.end = formatTime(event.endDate);
  if (occurrences > 0 && event.isRecurring()) {
    const iterator = event.iterator();
    for (let n = 0; n < occurrences; n++) {
      const next = iterator.next();
      if (!next) {
        break;
      }
      result.occurrences.push(formatTime(next));
    }
  }
  return result;
}

/** Read the calendar on standard input and print the JSON report (or, with --many, the
 * calendars of a JSON list and a list of reports). */
async function main() {
  const many = process.argv.includes("--many");
  const args = process.argv.slice(2).filter((a) => a !== "--many");
  const occurrences = Number.parseInt(args[0] ?? "0", 10) || 0;
  const input = await readStdin();
  if (many) {
    // Each file's bytes as latin-1 text: decoded as UTF-8 here, as a single file is.
    // One report a line, as each file is done: a file that never ends is told apart.
    const texts = JSON.parse(input).map((t) => Buffer.from(t, "latin1").toString("utf8"));
    for (const text of texts) {
      await new Promise((done) => {
        process.stdout.write(JSON.stringify(readCalendar(text, occurrences)) + "\n", done);
      });
    }
    return;
  }
  process.stdout.write(JSON.stringify(readCalendar(input, occurrences)));
}

/** Read one calendar's text into its report. */
function readCalendar(text, occurrences) {
  const out = { events: [], errors: [] };
  let roots;
  try {
    const parsed = ICAL.parse(text);
    // One top-level component parses to a jCal array; several to an array of them.
    const jcals = typeof parsed[0] === "string" ? [parsed] : parsed;
    roots = jcals.map((jcal) => new ICAL.Component(jcal));
  } catch (err) {
    out.errors.push(`parse failed: ${err && err.message ? err.message : String(err)}`);
    return out;
  }
  const calendars = roots.filter((root) => root.name === "vcalendar");
  if (calendars.length !== 1) {
    out.errors.push(`expected one VCALENDAR, found ${calendars.length}`);
  }
  ICAL.TimezoneService.reset();
  for (const calendar of calendars) {
    for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
      try {
        ICAL.TimezoneService.register(vtimezone);
      } catch (err) {
        out.errors.push(`VTIMEZONE not registered: ${err && err.message ? err.message : err}`);
      }
    }
  }
  for (const calendar of calendars) {
    for (const vevent of calendar.getAllSubcomponents("vevent")) {
      try {
        out.events.push(readEvent(vevent, occurrences, out.errors));
      } catch (err) {
        const uid = vevent.getFirstPropertyValue("uid");
        out.errors.push(`VEVENT ${uid}: ${err && err.message ? err.message : String(err)}`);
      }
    }
  }
  out.errors = [...new Set(out.errors)];
  return out;
}

await main();
