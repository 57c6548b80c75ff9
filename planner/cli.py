"""The command line: ``python main.py COMMAND ...``.

Commands that need no window import no Qt. Exit codes: 0 success; 1 only where a command
says so; 2 for bad input or usage, with one line on stderr that starts with ``error:``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from planner.builtin import load_builtin
from planner.i18n import (
    Message,
    msg,
    msg_n,
    quoted,
    render,
    shortened,
    system_language,
    translate,
)
from planner.model import (
    LANGS,
    Lang,
    Programme,
    ProgrammeError,
    Texts,
    validate_frame,
    zone_named,
)
from planner.store import ProgrammeStore, open_programme

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_USAGE = 2


class UsageError(ProgrammeError):
    """Bad input on the command line; the message becomes the ``error:`` line."""


class Parser(argparse.ArgumentParser):
    """argparse with one ``error:`` line on stderr instead of usage and a traceback."""

    def error(self, message: str) -> NoReturn:
        # argparse's own wording stays English; the frame around it is ours.
        raise UsageError(msg("{prog}: {message}", prog=self.prog, message=message))


Handler = Callable[[argparse.Namespace], int]


def _date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _add_programme_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-p",
        "--programme",
        metavar="PROGRAMME",
        help="programme file (default: the built-in German Week 2019)",
    )


def _add_lang_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    # Like the window, commands follow the system's language unless told otherwise.
    parser.add_argument("--lang", choices=LANGS, default=system_language(),
                        help=f"{help_text} (default: the system's, here {system_language()})")


def build_parser() -> argparse.ArgumentParser:
    """The parser for every command, each with its handler in ``handler``."""
    parser = Parser(
        prog="main.py",
        description="Plan, check and publish the programme of a multi-day, multi-venue event.",
        epilog="Without a command, the window opens: main.py [PROGRAMME].",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True

    new = commands.add_parser("new", help="create a programme file")
    new.add_argument("programme", metavar="PROGRAMME", help="the file to create")
    new.add_argument("--name", help="the programme's name")
    new.add_argument("--timezone", help="IANA time zone (default: this computer's)")
    new.add_argument("--start", type=_date_arg, help="first day, YYYY-MM-DD")
    new.add_argument("--end", type=_date_arg, help="last day, YYYY-MM-DD")
    new.add_argument("--sample", action="store_true", help="copy the built-in programme")
    new.set_defaults(handler=_cmd_new)

    info = commands.add_parser("info", help="print a summary of a programme")
    _add_programme_option(info)
    info.add_argument("--json", action="store_true", help="print JSON")
    _add_lang_option(info, "language of names")
    info.set_defaults(handler=_cmd_info)

    check = commands.add_parser(
        "check", help="list clashes: venues, speakers, travel, days, capacity (exit 1 if any)"
    )
    _add_programme_option(check)
    check.add_argument("--json", action="store_true", help="print a JSON list of clashes")
    _add_lang_option(check, "language of names and titles")
    check.set_defaults(handler=_cmd_check)

    print_ = commands.add_parser(
        "print", help="write the printed programme as an A4 PDF (cover, one section per day)"
    )
    _add_programme_option(print_)
    print_.add_argument("-o", "--output", metavar="FILE.pdf", required=True,
                        help="the PDF file to write")
    print_.add_argument("--track", metavar="ID", action="append", dest="tracks",
                        help="print only this track (repeat for several)")
    print_.add_argument("--base-url", metavar="URL",
                        help="where the publish folder is served: the cover carries the QR "
                        "code of the programme's feed")
    _add_lang_option(print_, "language of titles, dates and labels")
    print_.set_defaults(handler=_cmd_print)

    export = commands.add_parser(
        "export", help="write the programme (or a selection) as an ICS calendar file"
    )
    _add_programme_option(export)
    export.add_argument("-o", "--output", metavar="FILE.ics",
                        help="the ICS file to write ('-' for standard output)")
    export.add_argument("--track", metavar="ID", action="append", default=[],
                        help="only events of this track (repeat for several)")
    export.add_argument("--venue", metavar="ID", action="append", default=[],
                        help="only events at this venue (repeat for several)")
    export.add_argument("--uid", metavar="UID", action="append", default=[],
                        help="only this event (repeat for a delegate's picks)")
    _add_lang_option(export, "language of titles, descriptions and venues")
    export.add_argument("--split-dir", metavar="DIR",
                        help="also write one file per track into DIR (TRACK.ics)")
    export.add_argument("--alarm", metavar="MINUTES", type=int,
                        help="add a display reminder MINUTES before each event")
    export.set_defaults(handler=_cmd_export)

    import_ = commands.add_parser(
        "import", help="merge ICS or CSV files into a programme by UID (creates it if new)"
    )
    import_.add_argument("files", metavar="FILE", nargs="+", help="ICS or CSV files")
    import_.add_argument("-p", "--programme", metavar="PROGRAMME", required=True,
                         help="programme file to import into (created if it does not exist)")
    import_.add_argument("--strict", action="store_true",
                         help="refuse the whole import if any event cannot be imported "
                              "(by default the others are imported and each one skipped is "
                              "listed with its reason)")
    # What was --skip-invalid's behaviour is the default now; the option stays accepted.
    import_.add_argument("--skip-invalid", action="store_true", help=argparse.SUPPRESS)
    _add_lang_option(import_, "language of the report")
    import_.add_argument("--timezone", help="zone of a programme this import creates (default: "
                         "the files' X-WR-TIMEZONE or TZIDs, else this computer's)")
    import_.set_defaults(handler=_cmd_import)

    release = commands.add_parser(
        "release", help="record a named release of the programme, or list the releases"
    )
    release.add_argument("-p", "--programme", metavar="PROGRAMME", required=True,
                         help="programme file")
    what = release.add_mutually_exclusive_group(required=True)
    what.add_argument("--name", help="the new release's name, e.g. 'Version 2'")
    what.add_argument("--list", action="store_true", help="list the releases")
    release.add_argument("--note", default="", help="a note for the people who follow it")
    release.add_argument("--json", action="store_true", help="with --list: print JSON")
    _add_lang_option(release, "language of messages")
    release.set_defaults(handler=_cmd_release)

    changes = commands.add_parser(
        "changes", help="list what changed since a release: added, removed, cancelled, "
        "restored, rescheduled, moved, renamed, speakers"
    )
    changes.add_argument("-p", "--programme", metavar="PROGRAMME", required=True,
                         help="programme file")
    changes.add_argument("--since", metavar="NAME",
                         help="the release to compare from (default: the latest)")
    changes.add_argument("--until", metavar="NAME",
                         help="the release to compare to (default: the programme as it stands)")
    changes.add_argument("--json", action="store_true", help="print a JSON list of changes")
    _add_lang_option(changes, "language of the sentences, titles and names")
    changes.set_defaults(handler=_cmd_changes)

    publish = commands.add_parser(
        "publish", help="write the publish folder from the latest release: feeds, "
        "schedule.xml/.json, change pages, QR codes"
    )
    publish.add_argument("-p", "--programme", metavar="PROGRAMME", required=True,
                         help="programme file")
    publish.add_argument("-o", "--output", metavar="DIR", required=True,
                         help="the folder to write (replaced as a whole, in one step)")
    publish.add_argument("--base-url", metavar="URL",
                         help="where DIR will be served, for webcal:// links and QR codes")
    publish.add_argument("--draft", action="store_true",
                         help="publish the programme as it stands, not the latest release")
    _add_lang_option(publish, "language of the feeds and schedule files")
    publish.set_defaults(handler=_cmd_publish)

    schedule = commands.add_parser(
        "schedule", help="place unscheduled events and mend clashes with the solver (exit 1 "
        "if some cannot be placed)")
    _add_programme_option(schedule)
    schedule.add_argument("--apply", action="store_true",
                          help="store the plan in PROGRAMME as one change (only a complete "
                          "plan is stored)")
    schedule.add_argument("--keep-placed", action="store_true",
                          help="move nothing that is placed already; only place the "
                          "unscheduled events")
    schedule.add_argument("--time-limit", metavar="SECONDS", type=float, default=30.0,
                          help="stop looking for a better plan after SECONDS (default: 30)")
    schedule.add_argument("--json", action="store_true", help="print the plan as JSON")
    _add_lang_option(schedule, "language of the plan and its reasons")
    schedule.set_defaults(handler=_cmd_schedule)

    sync = commands.add_parser(
        "sync", help="two-way sync with a CalDAV server (Nextcloud, Radicale); exit 1 if "
        "conflicts wait")
    sync.add_argument("-p", "--programme", metavar="PROGRAMME", required=True,
                      help="programme file (made from the server's programme if it does not "
                      "exist)")
    sync.add_argument("--url", help="calendar home, e.g. https://HOST/remote.php/dav/calendars/"
                      "USER/ (remembered in the programme file)")
    sync.add_argument("--user", help="user name on the server (remembered)")
    sync.add_argument("--password-file", metavar="FILE",
                      help="file whose first line is the password (else the "
                      "PLANNER_CALDAV_PASSWORD variable); never stored")
    sync.add_argument("--prefer", choices=("local", "server"),
                      help="settle every conflict for this side")
    sync.add_argument("--insecure", action="store_true",
                      help="accept a certificate that cannot be verified (a self-signed "
                      "one); remembered for this server")
    sync.add_argument("--json", action="store_true", help="print the result as JSON")
    _add_lang_option(sync, "language of messages, and of the calendars on a first sync")
    sync.set_defaults(handler=_cmd_sync)

    shot = commands.add_parser(
        "screenshot", help="draw the window to a PNG without a display, then exit"
    )
    shot.add_argument("-o", "--output", metavar="FILE.png", required=True,
                      help="the picture to write: a .png or a .jpg file")
    _add_programme_option(shot)
    shot.add_argument("--view", choices=("week", "day", "venues", "agenda"), default="week",
                      help="the view to show (default: week)")
    shot.add_argument("--date", type=_date_arg, metavar="YYYY-MM-DD",
                      help="the day to show (default: the programme's first day)")
    shot.add_argument("--size", metavar="WxH", default="1440x900",
                      help="window size, from 1024x700 to 8192x8192 (default: 1440x900)")
    _add_lang_option(shot, "language of the whole window: its labels, dates and the "
                     "programme's titles and names")
    shot.set_defaults(handler=_cmd_screenshot)

    return parser


COMMANDS = (
    "new", "info", "check", "print", "export", "import", "release", "changes", "publish",
    "schedule", "sync", "screenshot",
)


# ---------------------------------------------------------------------------------------------
# Helpers shared by the commands


def load(args: argparse.Namespace) -> Programme:
    """The programme named by ``-p``, or the built-in one."""
    path = getattr(args, "programme", None)
    if path is None:
        return load_builtin()
    return open_programme(path)


def source_label(args: argparse.Namespace) -> str | Message:
    """The file a command read, or "built-in programme" (a message, for ``--lang``)."""
    path = getattr(args, "programme", None)
    return str(path) if path else msg("built-in programme")


def local_zone_name() -> str:
    """This computer's IANA zone name: TZ's when it names one, else the one
    ``/etc/localtime`` links to, else UTC. A TZ that names no IANA zone (``Nowhere/X``, or
    POSIX rules like ``EST5EDT,M3.2.0,M11.1.0``) counts as UTC, as the C library reads it."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        return name if _is_zone(name) else "UTC"
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        return "UTC"
    marker = "zoneinfo/"
    name = target.split(marker, 1)[1] if marker in target else "UTC"
    return name if _is_zone(name) else "UTC"


def _is_zone(name: str) -> bool:
    try:
        zone_named(name)
    except ProgrammeError:
        return False
    return True


def default_zone_name() -> str:
    """:func:`local_zone_name` for a programme a command creates, with a note on stderr
    when TZ names no zone and UTC stands in."""
    zone = local_zone_name()
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and zone != tz:
        note = msg("TZ '{tz}' is not an IANA time zone; the programme's zone is {zone} "
                   "(choose one with --timezone)", tz=tz, zone=zone)
        print(f"note: {render(shortened(note), system_language())}", file=sys.stderr)
    return zone


def summary(programme: Programme, lang: Lang = "en") -> dict[str, Any]:
    """The ``info --json`` object."""
    from planner.counting import count_by_track, count_programme

    counts = count_by_track(programme)
    return {
        "name": programme.name.get(lang),
        "timezone": programme.timezone,
        "start": programme.first_day.isoformat(),
        "end": programme.last_day.isoformat(),
        "events": len(programme.events),
        "sessions": count_programme(programme).sessions,
        "tracks": {tid: count.events for tid, count in counts.items()},
        "venues": [
            {
                "id": v.id,
                "name": v.name.get(lang),
                "address": v.address,
                "lat": v.lat,
                "lon": v.lon,
            }
            for v in programme.venues.values()
        ],
    }


# ---------------------------------------------------------------------------------------------
# Commands


def _cmd_new(args: argparse.Namespace) -> int:
    path = Path(args.programme)
    if path.exists():
        raise UsageError(msg("{path}: file exists already; choose another name", path=path))
    if (args.start is None) != (args.end is None):
        raise UsageError(msg("new: give both --start and --end, or neither"))
    if args.sample:
        if args.timezone or args.start:
            raise UsageError(msg(
                "new: --sample copies the built-in programme; drop --timezone, --start and --end"
            ))
        programme = load_builtin()
        if args.name:
            programme.name = Texts.same(args.name)
    else:
        first = args.start or date.today()
        last = args.end or first
        timezone = args.timezone or default_zone_name()
        validate_frame(timezone, first, last)
        programme = Programme(
            name=Texts.same(args.name or path.stem), timezone=timezone,
            first_day=first, last_day=last,
        )  # fmt: skip
    ProgrammeStore.create(path, programme).close()
    _say(msg_n("created {path}: {n} event, {first} to {last} ({zone})|created {path}: {n} "
               "events, {first} to {last} ({zone})", len(programme.events), path=path,
               first=programme.first_day, last=programme.last_day, zone=programme.timezone),
         getattr(args, "lang", None))
    return EXIT_OK


def _cmd_info(args: argparse.Namespace) -> int:
    programme = load(args)
    data = summary(programme, args.lang)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    from planner.counting import count_by_track, count_programme

    lang = args.lang

    def say(message: Message) -> str:
        return message.render(lang)

    print(f"{data['name']} ({render(source_label(args), lang)})")
    print("  " + say(msg("{first} to {last}, {zone}", first=data["start"], last=data["end"],
                         zone=data["timezone"])))
    print("  " + say(count_programme(programme).message()))
    for tid, count in count_by_track(programme).items():
        track = programme.tracks.get(tid)
        name = track.name.get(lang) if track else tid
        print(f"    {name} ({tid}): {say(count.message())}")
    print("  " + say(msg_n("{n} venue|{n} venues", len(data["venues"]))))
    for venue in data["venues"]:
        print(f"    {venue['name']} ({venue['id']}): {venue['address']}")
    return EXIT_OK


# The kinds of clash as `check` names them before each clash (the JSON keeps the ids).
CLASH_KIND_NAMES: dict[str, Message] = {
    "venue": msg("venue"),
    "speaker": msg("speaker"),
    "travel": msg("travel"),
    "outside": msg("outside"),
    "capacity": msg("capacity"),
}


def _cmd_check(args: argparse.Namespace) -> int:
    from planner.conflicts import find_clashes

    programme = load(args)
    clashes = find_clashes(programme, args.lang)
    if args.json:
        print(json.dumps([c.as_json() for c in clashes], ensure_ascii=False, indent=2))
    else:
        for clash in clashes:
            print(f"{render(CLASH_KIND_NAMES[clash.kind], args.lang)}: {clash.message}")
        n = len(clashes)
        source = source_label(args)
        count = msg("no clashes in {source}", source=source) if n == 0 else msg_n(
            "{n} clash in {source}|{n} clashes in {source}", n, source=source)
        print(count.render(args.lang))
    return EXIT_FOUND if clashes else EXIT_OK


def _cmd_print(args: argparse.Namespace) -> int:
    from planner.atomic import replacing

    programme = load(args)
    tracks: list[str] | None = args.tracks
    for track in tracks or ():
        if track not in programme.tracks:
            raise UsageError(msg("unknown track '{track}'", track=track))
    base_url = None
    if args.base_url is not None:
        from planner.publish import check_base_url

        base_url = check_base_url(args.base_url)
    print_pdf = painter(args, "print")
    path = Path(args.output)
    try:
        with replacing(path, _protected(args)) as temp:
            pages: int = print_pdf(programme, temp, args.lang, tracks, base_url=base_url)
    except OSError as exc:
        raise UsageError(msg("{path}: cannot write ({reason})", path=path,
                             reason=exc.strerror or exc)) from exc
    _say(msg_n("wrote {path}: {n} page|wrote {path}: {n} pages", pages, path=path), args.lang)
    return EXIT_OK


# The longest reminder an export writes: four weeks, as far ahead as calendar apps offer.
MAX_ALARM_MINUTES = 4 * 7 * 24 * 60


def _protected(args: argparse.Namespace) -> list[str]:
    """The files an output must not replace: the programme the command reads."""
    path = getattr(args, "programme", None)
    return [path] if path else []


def _cmd_export(args: argparse.Namespace) -> int:
    from planner.atomic import check_output, portable_names, write_file
    from planner.ics import ExportOptions, export_by_track, export_ics, select_events

    if args.output is None and args.split_dir is None:
        raise UsageError(msg("export: give -o FILE.ics or --split-dir DIR"))
    if args.alarm is not None and not 0 <= args.alarm <= MAX_ALARM_MINUTES:
        raise UsageError(msg("export: --alarm takes minutes before the event, 0 to {max} "
                             "(four weeks)", max=MAX_ALARM_MINUTES))
    protected = _protected(args)
    if args.output not in (None, "-"):
        check_output(args.output, protected)  # before the work, not after it
    if args.split_dir is not None:
        split = Path(args.split_dir)
        if split.exists() and not split.is_dir():
            # Said before anything is written, not after the -o file.
            raise UsageError(msg("{path}: is not a folder", path=split))
    programme = load(args)
    if programme.unscheduled:
        # A calendar event needs a time: the unscheduled ones cannot go into the file.
        print(render(msg("note: {count} unscheduled event(s) have no time yet and are left out",
                         count=len(programme.unscheduled)), args.lang), file=sys.stderr)
    options = ExportOptions(
        tracks=tuple(args.track), venues=tuple(args.venue), uids=tuple(args.uid),
        lang=args.lang, alarm_minutes=args.alarm,
    )  # fmt: skip
    picked = select_events(programme, options)
    if args.output is not None:
        data = export_ics(programme, options)
        if args.output == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            write_file(args.output, data, protected)
            _say(_wrote_events(args.output, len(picked)), args.lang)
    if args.split_dir is not None:
        folder = Path(args.split_dir)
        folder.mkdir(parents=True, exist_ok=True)
        files = export_by_track(programme, options)
        names = portable_names(files)
        for track_id, data in files.items():
            path = folder / f"{names[track_id]}.ics"
            write_file(path, data, protected)
            count = sum(1 for e in picked if e.track == track_id)
            _say(_wrote_events(path, count), args.lang)
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from planner.importing import (
        apply_plan,
        new_programme_for,
        plan_files,
        read_import_file,
        refuse_if_invalid,
        refuse_if_nothing,
        report_lines,
    )

    results = [read_import_file(name) for name in args.files]
    path = Path(args.programme)
    creating = not path.exists()
    store = None
    if creating:
        if args.timezone:
            validate_frame(args.timezone, date.today(), date.today())
        zone = args.timezone or next((r.zone for r in results if r.zone), None)
        programme = new_programme_for(results, zone or default_zone_name(), path.stem,
                                      args.timezone)
    else:
        store = ProgrammeStore.open(path)
    try:
        if store is not None:
            programme = store.load()
        plan = plan_files(programme, results, fit_days=creating)
        if args.strict:
            refuse_if_invalid(plan)
        refuse_if_nothing(results, plan)
        changes = apply_plan(programme, plan)
        if store is not None:
            if changes:
                store.write(programme, changes)
        else:
            ProgrammeStore.create(path, programme).close()
    finally:
        if store is not None:
            store.close()
    for line in report_lines(plan, path, creating, args.lang):
        print(line)
    return EXIT_OK


def _cmd_release(args: argparse.Namespace) -> int:
    from planner.releases import list_releases, record_release

    if args.list:
        with ProgrammeStore.open(args.programme, readonly=True) as store:
            programme = store.load()
            releases = list_releases(store)
        if args.json:
            print(json.dumps([r.as_json() for r in releases], ensure_ascii=False, indent=2))
            return EXIT_OK
        zone = programme.zone
        for r in releases:
            when = r.created.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
            print(f"{r.number:>3}  {r.name}  ("
                  + render(msg_n("{when}, {n} event|{when}, {n} events", r.event_count,
                                 when=when), args.lang)
                  + ")" + (f"  {r.note}" if r.note else ""))
        _say(msg_n("{n} release in {path}|{n} releases in {path}", len(releases),
                   path=args.programme), args.lang)
        return EXIT_OK
    with ProgrammeStore.open(args.programme) as store:
        made = record_release(store, store.load(), args.name, args.note)
    _say(msg_n("released '{name}' of {path}: release {number}, {n} event|released '{name}' of "
               "{path}: release {number}, {n} events", made.event_count, name=made.name,
               path=args.programme, number=made.number), args.lang)
    return EXIT_OK
def _cmd_schedule(args: argparse.Namespace) -> int:
    from planner.scheduling import plan_lines
    from planner.solver import SolveOptions, apply_plan, plan_as_json, solve
    from planner.store import Changes

    if args.time_limit <= 0:
        raise UsageError(msg("schedule: --time-limit takes a number of seconds above 0"))
    if args.apply and args.programme is None:
        raise UsageError(msg("schedule: --apply needs -p PROGRAMME; the built-in programme "
                             "is read-only"))
    options = SolveOptions(keep_placed=args.keep_placed, time_limit=args.time_limit)
    store = ProgrammeStore.open(args.programme) if args.apply else None
    try:
        programme = store.load() if store is not None else load(args)
        plan = solve(programme, options, lang=args.lang)
        applied = False
        if store is not None and plan.complete and plan.placements:
            written, placed = apply_plan(programme, plan)
            store.write(programme, Changes(events=written, removed_sessions=placed))
            applied = True
    finally:
        if store is not None:
            store.close()
    if args.json:
        data = plan_as_json(programme, plan, args.lang)
        data["applied"] = applied
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for line in plan_lines(programme, plan, args.lang):
            print(line)
        if args.apply:
            print(render(msg("stored the plan in {path}", path=args.programme)
                         if applied else msg("nothing stored: the plan is not complete")
                         if not plan.complete else msg("nothing to store"), args.lang))
    return EXIT_OK if plan.complete else EXIT_FOUND


def _cmd_changes(args: argparse.Namespace) -> int:
    from planner.changes import KIND_LABELS, concerned
    from planner.releases import compare

    with ProgrammeStore.open(args.programme, readonly=True) as store:
        comparison = compare(store, args.since, args.until)
    found = comparison.changes
    if args.json:
        print(json.dumps([c.as_json(args.lang) for c in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    lang = args.lang
    for change in found:
        print(f"{translate(KIND_LABELS[change.kind], lang)}: {change.message(lang)}")
    since = (msg("from release '{name}'", name=comparison.since.name) if comparison.since
             else msg("from the start"))
    until = (msg("to release '{name}'", name=comparison.until.name) if comparison.until
             else msg("to now"))
    print(render(msg_n("{n} change {since} {until} in {path}|{n} changes {since} {until} in "
                       "{path}", len(found), since=since, until=until, path=args.programme),
                 lang))
    tell = concerned(found)
    people = {**comparison.before.people, **comparison.after.people}
    venues = {**comparison.before.venues, **comparison.after.venues}
    if tell.speakers:
        names = [people[p].name if p in people else p for p in tell.speakers]
        print(render(msg("speakers to tell: {names}", names=", ".join(names)), lang))
    if tell.venues:
        names = [venues[v].name.get(lang) if v in venues else v for v in tell.venues]
        # Venue names hold commas ("AHK, North-West branch").
        print(render(msg("venues to tell: {names}", names="; ".join(names)), lang))
    return EXIT_OK


def _say(message: Message, lang: str | None) -> None:
    """Print one line of a command's report in ``lang`` (the system's when not given)."""
    print(message.render(lang or system_language()))


def _wrote_events(path: object, n: int) -> Message:
    return msg_n("wrote {path}: {n} event|wrote {path}: {n} events", n, path=path)


def _cmd_sync(args: argparse.Namespace) -> int:
    from planner.sync import account_for, read_password, sync_store
    from planner.sync.engine import reason_message
    from planner.sync.state import load_state

    path = Path(args.programme)
    password = read_password(args.password_file)
    insecure = True if args.insecure else None
    creating = not path.exists()
    if creating and not args.url:
        raise UsageError(msg("{path}: no such file; to make it from the programme on a "
                             "server, give --url", path=path))
    target = path
    if creating:
        # Filled from the server under a temporary name, and put in place only when the
        # sync succeeds: a failed first sync leaves no half-made file behind.
        path = path.with_name(f".{path.name}.sync-{os.getpid()}")
        frame = Programme(name=Texts.same(target.stem), timezone="UTC",
                          first_day=date.today(), last_day=date.today())
        ProgrammeStore.create(path, frame).close()
    try:
        with ProgrammeStore.open(path) as store:
            account = account_for(load_state(store.connection), args.url, args.user, insecure)
            report = sync_store(store, account, password, prefer=args.prefer,
                                lang=args.lang, fetch_only=creating)
            programme = store.load()
        if creating:
            os.link(path, target)
    finally:
        if creating:
            path.unlink(missing_ok=True)
    conflicts = []
    for record in report.conflicts:
        local = programme.events.get(record.ident)
        title = local.title.get(args.lang) if local is not None else ""
        conflicts.append({"uid": record.ident, "title": title,
                          "reason": reason_message(record).render(args.lang)})
    problems = [p.render(args.lang) for p in report.problems]
    if args.json:
        print(json.dumps({
            "url": account.url, "uploaded": report.uploaded, "downloaded": report.downloaded,
            "deleted_here": report.deleted_here, "deleted_there": report.deleted_there,
            "settled": report.settled, "conflicts": conflicts, "problems": problems,
            "requests": report.requests,
        }, ensure_ascii=False, indent=2))
    else:
        lang = args.lang
        for problem in problems:
            _say(msg("problem: {problem}", problem=problem), lang)
        for item in conflicts:
            title = f" {quoted(item['title'], lang)}" if item["title"] else ""
            _say(msg("conflict: {uid}{title}: {reason}", uid=item["uid"], title=title,
                     reason=item["reason"]), lang)
        summary = msg("created {path} from {url}: {sent} sent, {received} received, "
                      "{deleted_here} deleted here, {deleted_there} deleted there"
                      if creating else
                      "synced {path} with {url}: {sent} sent, {received} received, "
                      "{deleted_here} deleted here, {deleted_there} deleted there",
                      path=target, url=account.url, sent=report.uploaded,
                      received=report.downloaded, deleted_here=report.deleted_here,
                      deleted_there=report.deleted_there).render(lang)
        if report.settled:
            summary += render(msg_n(", {n} conflict settled|, {n} conflicts settled",
                                    report.settled), lang)
        if conflicts:
            summary += render(msg_n("; {n} conflict waits (settle it with --prefer local or "
                                    "--prefer server, or in the window)|; {n} conflicts wait "
                                    "(settle them with --prefer local or --prefer server, or "
                                    "in the window)", len(conflicts)), lang)
        print(summary)
    return EXIT_FOUND if conflicts else EXIT_OK


def _cmd_publish(args: argparse.Namespace) -> int:
    from planner.publish import PublishOptions, prepare, write

    options = PublishOptions(lang=args.lang, base_url=args.base_url, draft=args.draft)
    with ProgrammeStore.open(args.programme, readonly=True) as store:
        context = prepare(store, options)
        result = write(context, args.output)
    what = (msg("release '{name}'", name=result.release) if result.release
            else msg("draft"))
    _say(msg("published {what} of {path} to {folder}: {events}, {files}", what=what,
             path=args.programme, folder=result.folder,
             events=msg_n("{n} event|{n} events", result.events),
             files=msg_n("{n} file|{n} files", result.files)), args.lang)
    webcal = context.webcal("programme.ics")
    if webcal:
        _say(msg("subscribe: {url}", url=webcal), args.lang)
    return EXIT_OK


# The window's smallest size and a sane largest one, (width, height) each.
SCREENSHOT_SIZES = ((1024, 700), (8192, 8192))
# The picture's format, by the output's suffix.
SCREENSHOT_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from planner.atomic import check_output, replacing

    try:
        width, height = (int(n) for n in args.size.lower().split("x"))
    except ValueError:
        raise UsageError(msg("screenshot: --size takes WIDTHxHEIGHT, e.g. 1440x900")) from None
    (min_w, min_h), (max_w, max_h) = SCREENSHOT_SIZES
    # From the window's own minimum to a picture that still fits in memory: past that, Qt
    # warns about every widget it cannot paint and may crash.
    if not (min_w <= width <= max_w and min_h <= height <= max_h):
        raise UsageError(msg("screenshot: --size must be from {smallest} to {largest}",
                             smallest=f"{min_w}x{min_h}", largest=f"{max_w}x{max_h}"))
    path = Path(args.output)
    # The programme itself named as the output is the graver mistake: said first.
    check_output(path, _protected(args))
    image_format = SCREENSHOT_FORMATS.get(path.suffix.lower())
    if image_format is None:
        raise UsageError(msg("screenshot: {path}: write a .png or a .jpg file", path=path))
    programme = load(args)
    if args.date is not None and not programme.first_day <= args.date <= programme.last_day:
        raise UsageError(msg("screenshot: {day} is not a day of the programme ({first} to "
                             "{last})", day=args.date, first=programme.first_day,
                             last=programme.last_day))
    render_window = painter(args, "screenshot")
    try:
        with replacing(path, _protected(args)) as temp:
            size: tuple[int, int] = render_window(
                temp, programme, view=args.view, day=args.date, lang=args.lang,
                size=(width, height), source=getattr(args, "programme", None),
                image_format=image_format)
    except OSError as exc:
        raise UsageError(msg("{path}: cannot write ({reason})", path=path,
                             reason=exc.strerror or exc)) from exc
    _say(msg("wrote {path}: {width}x{height}", path=path, width=size[0], height=size[1]),
         args.lang)
    return EXIT_OK


# ---------------------------------------------------------------------------------------------


def error(message: object, lang: str | None = None) -> int:
    """Print the one ``error:`` line (in ``lang``, else the system's language) and give the
    usage exit code. The ``error:`` prefix stays English, for scripts that look for it."""
    carried = getattr(message, "message", message)
    if isinstance(carried, Message):
        message = shortened(carried)
    text = render(message, lang or system_language())
    print("error: " + " ".join(text.splitlines()), file=sys.stderr)
    return EXIT_USAGE


def _requested_language(argv: Sequence[str]) -> str | None:
    """The ``--lang`` of the command line, read before parsing so that parse errors can
    use it too."""
    for n, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if arg == "--lang" and n + 1 < len(argv):
            value = argv[n + 1]
        if value in LANGS:
            return value
    return None


# Commands that paint through Qt (print, screenshot) parse and check their input here like
# every other command; the painting itself lives in ui/, which planner/ never imports. The
# launcher (main.py), which knows both halves, hands the painters in.
Painter = Callable[..., Any]
Painters = Mapping[str, Callable[[], Painter]]


def painter(args: argparse.Namespace, name: str) -> Painter:
    """The painter for command ``name``, as the launcher provided it."""
    loaders: Painters = getattr(args, "painters", None) or {}
    if name not in loaders:
        raise UsageError(msg("{command}: needs the window part of Programme Planner; run it "
                             "through main.py", command=name))
    return loaders[name]()


def main(argv: Sequence[str] | None = None, painters: Painters | None = None) -> int:
    """Run a command; returns the exit code. ``painters`` maps the commands that paint
    through Qt to functions that load their painter."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
        args.painters = painters
        handler: Handler = args.handler
        return handler(args)
    except ProgrammeError as exc:
        return error(exc, _requested_language(argv))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as command-line tools do.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - flushed by the interpreter at exit
        return EXIT_OK
    except OSError as exc:
        return error(
            msg("{path}: {reason}", path=exc.filename, reason=exc.strerror or exc)
            if exc.filename
            else msg("{reason}", reason=exc.strerror or exc),
            _requested_language(argv),
        )
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
