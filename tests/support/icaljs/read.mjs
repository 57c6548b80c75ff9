// Test support: read an iCalendar file with ical.js (the parser of Thunderbird and Nextcloud)
// and print, as JSON, the UTC instants it sees for every VEVENT.
//
// Usage: node read.mjs [OCCURRENCES] < calendar.ics
//
// Output: {"events": [{"uid", "recurrence_id", "start", "end", "summary", "occurrences"}],
//          "errors": ["..."]}
// Date-times are printed as "YYYY-MM-DDTHH:MM:SSZ" in UTC, dates (VALUE=DATE) as "YYYY-MM-DD",
// floating date-times (no zone) as "YYYY-MM-DDTHH:MM:SS". Every VTIMEZONE of the file is
// registered with ICAL.TimezoneService before any event is read; a TZID that names no
// VTIMEZONE of the file is reported as an error, because ical.js then reads the time as
// floating.

import ICAL from "ical.js";

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

/** Read the calendar on standard input and print the JSON report. */
async function main() {
  const occurrences = Number.parseInt(process.argv[2] ?? "0", 10) || 0;
  const text = await readStdin();
  const out = { events: [], errors: [] };
  let roots;
  try {
    const parsed = ICAL.parse(text);
    // One top-level component parses to a jCal array; several to an array of them.
    const jcals = typeof parsed[0] === "string" ? [parsed] : parsed;
    roots = jcals.map((jcal) => new ICAL.Component(jcal));
  } catch (err) {
    out.errors.push(`parse failed: ${err && err.message ? err.message : String(err)}`);
    process.stdout.write(JSON.stringify(out));
    return;
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
  process.stdout.write(JSON.stringify(out));
}

await main();
