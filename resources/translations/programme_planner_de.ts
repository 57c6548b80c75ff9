<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgendaModel</name>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Programmbereich</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Mitwirkende</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>ganztägig</translation>
    </message>
    <message>
        <source>Track: {name}</source>
        <translation>Programmbereich: {name}</translation>
    </message>
    <message>
        <source>Venue: {name}</source>
        <translation>Ort: {name}</translation>
    </message>
    <message>
        <source>Speakers: {names}</source>
        <translation>Mitwirkende: {names}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>vorläufig</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Edit the event of the row</source>
        <translation>Veranstaltung der Zeile bearbeiten</translation>
    </message>
    <message>
        <source>Select several rows</source>
        <translation>Mehrere Zeilen auswählen</translation>
    </message>
    <message>
        <source>The menu of the selected events</source>
        <translation>Menü der ausgewählten Veranstaltungen</translation>
    </message>
    <message>
        <source>Sort by the column whose heading is clicked</source>
        <translation>Nach der Spalte sortieren, deren Kopf angeklickt wird</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Gestrichen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Back on</source>
        <translation>Findet statt</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>Neue Zeit</translation>
    </message>
    <message>
        <source>New place</source>
        <translation>Neuer Ort</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>Neuer Titel</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Mitwirkende</translation>
    </message>
</context>
<context>
    <name>CheckedDialog</name>
    <message>
        <source>Discard your changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>What you changed here is lost if you close it without OK.</source>
        <translation>Was Sie hier geändert haben, geht verloren, wenn Sie ohne OK schließen.</translation>
    </message>
    <message>
        <source>&amp;Discard Changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>ClashModel</name>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Clash</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Mitwirkende</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Weg</translation>
    </message>
    <message>
        <source>Outside the days</source>
        <translation>Außerhalb der Tage</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>ClashPanel</name>
    <message>
        <source>All kinds</source>
        <extracomment>A clash was clicked, reached with the keys or activated: select and show its events. A clash was opened (Return, a double click): after showing it, the keyboard goes to the view, where the keys of its events work. The occurrences that clash with something: a set of (uid, RECURRENCE-ID or None), as planner.conflicts.clashing_occurrences gives them. The dock&apos;s title, with the count (&quot;Clashes (3)&quot;). The index is (re)built and the list is up to date.</extracomment>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Clashes ({count})</source>
        <translation>Konflikte ({count})</translation>
    </message>
    <message>
        <source>Could not check for clashes: {error}</source>
        <translation>Konflikte konnten nicht geprüft werden: {error}</translation>
    </message>
    <message>
        <source>Checking the programme for clashes…</source>
        <translation>Das Programm wird auf Konflikte geprüft …</translation>
    </message>
    <message>
        <source>No clashes.</source>
        <translation>Keine Konflikte.</translation>
    </message>
    <message numerus="yes">
        <source>%n clash(es): click one to show its events.</source>
        <translation>
            <numerusform>%n Konflikt: anklicken, um seine Veranstaltungen zu zeigen.</numerusform>
            <numerusform>%n Konflikte: einen anklicken, um seine Veranstaltungen zu zeigen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clashes (…)</source>
        <translation>Konflikte (…)</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Track colour</source>
        <translation>Farbe des Programmbereichs</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync Conflicts</source>
        <translation>Synchronisierungskonflikte</translation>
    </message>
    <message>
        <source>These were changed here and on the server since the last sync. Choose for each which version to keep; the other is replaced. Undo takes the choices back.</source>
        <translation>Diese wurden seit der letzten Synchronisierung hier und auf dem Server geändert. Wählen Sie jeweils, welche Fassung bleibt; die andere wird ersetzt. Rückgängig nimmt die Wahl zurück.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <source>Keep &amp;this computer&apos;s version</source>
        <translation>Fassung &amp;dieses Computers behalten</translation>
    </message>
    <message>
        <source>Take the &amp;server&apos;s version</source>
        <translation>Fassung des &amp;Servers übernehmen</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>&amp;Später entscheiden</translation>
    </message>
    <message>
        <source>Keep All of &amp;Mine</source>
        <translation>Alle &amp;eigenen behalten</translation>
    </message>
    <message>
        <source>Take All from the Ser&amp;ver</source>
        <translation>Alle vom Ser&amp;ver übernehmen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>keep mine</source>
        <translation>eigene behalten</translation>
    </message>
    <message>
        <source>take the server&apos;s</source>
        <translation>die des Servers übernehmen</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personeneintrag</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Programmbereich</translation>
    </message>
    <message>
        <source>Programme setting</source>
        <translation>Programmeinstellung</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>vorläufig</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>Title (German)</source>
        <translation>Titel (Deutsch)</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>Titel (Englisch)</translation>
    </message>
    <message>
        <source>Title (Russian)</source>
        <translation>Titel (Russisch)</translation>
    </message>
    <message>
        <source>Description (German)</source>
        <translation>Beschreibung (Deutsch)</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>Beschreibung (Englisch)</translation>
    </message>
    <message>
        <source>Description (Russian)</source>
        <translation>Beschreibung (Russisch)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Mitwirkende</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verweis</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>Expected attendance</source>
        <translation>Erwartete Besucherzahl</translation>
    </message>
    <message>
        <source>{dates}, … (rule {rule})</source>
        <translation>{dates}, … (Regel {rule})</translation>
    </message>
    <message>
        <source>Dates ({count}): {dates}</source>
        <translation>Termine ({count}): {dates}</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Travel speed (km/h)</source>
        <translation>Reisegeschwindigkeit (km/h)</translation>
    </message>
    <message>
        <source>Time between venues (minutes)</source>
        <translation>Zeit zwischen Orten (Minuten)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>this programme has no file yet: use Save As</source>
        <translation>dieses Programm hat noch keine Datei: „Speichern unter“ verwenden</translation>
    </message>
    <message>
        <source>track &apos;{id}&apos; is still used by event &apos;{uid}&apos;</source>
        <translation>Programmbereich „{id}“ wird noch von Veranstaltung „{uid}“ verwendet</translation>
    </message>
    <message>
        <source>venue &apos;{id}&apos; is still used by event &apos;{uid}&apos;</source>
        <translation>Ort „{id}“ wird noch von Veranstaltung „{uid}“ verwendet</translation>
    </message>
    <message>
        <source>person &apos;{id}&apos; is still a speaker of event &apos;{uid}&apos;</source>
        <translation>Person „{id}“ wirkt noch bei Veranstaltung „{uid}“ mit</translation>
    </message>
</context>
<context>
    <name>EntitiesDialog</name>
    <message>
        <source>Tracks, venues and people</source>
        <translation>Programmbereiche, Orte und Personen</translation>
    </message>
    <message>
        <source>Name (German)</source>
        <translation>Name (Deutsch)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Name (Englisch)</translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation>Name (Russisch)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Times as 2019-04-04 09:00–18:00, several separated by &apos;;&apos;; 2019-04-04 20:00 – 2019-04-05 02:00 across midnight. </source>
        <translation>Zeiten wie 2019-04-04 09:00–18:00, mehrere durch „;“ getrennt; 2019-04-04 20:00 – 2019-04-05 02:00 über Mitternacht. </translation>
    </message>
    <message>
        <source>Empty: available at any time.</source>
        <translation>Leer: jederzeit verfügbar.</translation>
    </message>
    <message>
        <source>Never available then (a break, set-up).</source>
        <translation>Dann nie verfügbar (eine Pause, Aufbau).</translation>
    </message>
    <message>
        <source>&amp;Tracks</source>
        <translation>&amp;Programmbereiche</translation>
    </message>
    <message>
        <source>&amp;Venues</source>
        <translation>&amp;Orte</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>P&amp;ersonen</translation>
    </message>
    <message>
        <source>the entries are not valid</source>
        <translation>die Einträge sind ungültig</translation>
    </message>
    <message>
        <source>track</source>
        <translation>Programmbereich</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation> und {n} weitere</translation>
    </message>
    <message>
        <source>Cannot remove {kind} &apos;{id}&apos;: used by {count} event(s): {events}</source>
        <translation>{kind} „{id}“ kann nicht entfernt werden: verwendet von Veranstaltungen ({count}): {events}</translation>
    </message>
    <message>
        <source> (and {n} more problems)</source>
        <translation> (und {n} weitere Probleme)</translation>
    </message>
    <message>
        <source>{kind} id &apos;{id}&apos; is used twice</source>
        <translation>{kind}: Kennung „{id}“ ist doppelt vergeben</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>{kind} &apos;{id}&apos;: {problem}</source>
        <translation>{kind} „{id}“: {problem}</translation>
    </message>
    <message>
        <source>{kind} &apos;{id}&apos;: {field} &apos;{value}&apos; is not a number</source>
        <translation>{kind} „{id}“: {field} „{value}“ ist keine Zahl</translation>
    </message>
</context>
<context>
    <name>EntityTable</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>The id of an existing entry cannot be changed</source>
        <translation>Die Kennung eines bestehenden Eintrags kann nicht geändert werden</translation>
    </message>
    <message>
        <source>Translation missing</source>
        <translation>Übersetzung fehlt</translation>
    </message>
</context>
<context>
    <name>EventActions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>Copy the selected events and delete them</source>
        <translation>Die gewählten Veranstaltungen kopieren und löschen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected events</source>
        <translation>Die gewählten Veranstaltungen kopieren</translation>
    </message>
    <message>
        <source>Pa&amp;ste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>Dup&amp;licate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Add a copy of each selected event</source>
        <translation>Von jeder gewählten Veranstaltung eine Kopie anlegen</translation>
    </message>
    <message>
        <source>C&amp;ancel Event</source>
        <translation>Veranstaltung ab&amp;sagen</translation>
    </message>
    <message>
        <source>Mark the selected events as cancelled, or restore them</source>
        <translation>Die gewählten Veranstaltungen als abgesagt markieren oder wieder ansetzen</translation>
    </message>
    <message>
        <source>&amp;Earlier</source>
        <translation>&amp;Früher</translation>
    </message>
    <message>
        <source>Move the selected events one snap step earlier</source>
        <translation>Die gewählten Veranstaltungen um einen Rasterschritt früher legen</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Move the selected events one snap step later</source>
        <translation>Die gewählten Veranstaltungen um einen Rasterschritt später legen</translation>
    </message>
    <message>
        <source>To the Day &amp;Before</source>
        <translation>Auf den &amp;Vortag</translation>
    </message>
    <message>
        <source>Move the selected events to the day before</source>
        <translation>Die gewählten Veranstaltungen auf den Vortag legen</translation>
    </message>
    <message>
        <source>To the Day &amp;After</source>
        <translation>Auf den &amp;nächsten Tag</translation>
    </message>
    <message>
        <source>Move the selected events to the day after</source>
        <translation>Die gewählten Veranstaltungen auf den nächsten Tag legen</translation>
    </message>
    <message>
        <source>&amp;Shorter</source>
        <translation>&amp;Kürzer</translation>
    </message>
    <message>
        <source>End the selected events one snap step earlier</source>
        <translation>Die gewählten Veranstaltungen einen Rasterschritt früher enden lassen</translation>
    </message>
    <message>
        <source>Lon&amp;ger</source>
        <translation>&amp;Länger</translation>
    </message>
    <message>
        <source>End the selected events one snap step later</source>
        <translation>Die gewählten Veranstaltungen einen Rasterschritt später enden lassen</translation>
    </message>
    <message>
        <source>&amp;New Event Here…</source>
        <translation>&amp;Neue Veranstaltung hier …</translation>
    </message>
    <message>
        <source>&amp;Paste Here</source>
        <translation>Hier &amp;einfügen</translation>
    </message>
    <message>
        <source>&amp;Move and Resize</source>
        <translation>Verschieben und Län&amp;ge ändern</translation>
    </message>
    <message>
        <source>Rest&amp;ore Event</source>
        <translation>Absage &amp;zurücknehmen</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) copied</source>
        <translation>
            <numerusform>%n Veranstaltung kopiert</numerusform>
            <numerusform>%n Veranstaltungen kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no events.</source>
        <translation>Die Zwischenablage enthält keine Veranstaltungen.</translation>
    </message>
    <message>
        <source>Paste “{title}”</source>
        <translation>„{title}“ einfügen</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n event(s)</source>
        <translation>
            <numerusform>%n Veranstaltung einfügen</numerusform>
            <numerusform>%n Veranstaltungen einfügen</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicate “{title}”</source>
        <translation>„{title}“ duplizieren</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n event(s)</source>
        <translation>
            <numerusform>%n Veranstaltung duplizieren</numerusform>
            <numerusform>%n Veranstaltungen duplizieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore “{title}”</source>
        <translation>Absage von „{title}“ zurücknehmen</translation>
    </message>
    <message numerus="yes">
        <source>Restore %n event(s)</source>
        <translation>
            <numerusform>Absage von %n Veranstaltung zurücknehmen</numerusform>
            <numerusform>Absage von %n Veranstaltungen zurücknehmen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel “{title}”</source>
        <translation>„{title}“ absagen</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n event(s)</source>
        <translation>
            <numerusform>%n Veranstaltung absagen</numerusform>
            <numerusform>%n Veranstaltungen absagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Move “{title}”</source>
        <translation>„{title}“ verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %n event(s)</source>
        <translation>
            <numerusform>%n Veranstaltung verschieben</numerusform>
            <numerusform>%n Veranstaltungen verschieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the length of “{title}”</source>
        <translation>Dauer von „{title}“ ändern</translation>
    </message>
    <message numerus="yes">
        <source>Change the length of %n event(s)</source>
        <translation>
            <numerusform>Dauer von %n Veranstaltung ändern</numerusform>
            <numerusform>Dauer von %n Veranstaltungen ändern</numerusform>
        </translation>
    </message>
    <message>
        <source>Change one occurrence of “{title}”</source>
        <translation>Einen Termin von „{title}“ ändern</translation>
    </message>
    <message>
        <source>Change “{title}” from {when} on</source>
        <translation>„{title}“ ab {when} ändern</translation>
    </message>
    <message>
        <source>Delete “{title}” from {when} on</source>
        <translation>„{title}“ ab {when} löschen</translation>
    </message>
    <message>
        <source>Delete one occurrence of “{title}”</source>
        <translation>Einen Termin von „{title}“ löschen</translation>
    </message>
    <message>
        <source>Paste events at the mouse pointer or the chosen slot (in the agenda, at the time copied)</source>
        <translation>Veranstaltungen am Mauszeiger oder an der gewählten Stelle einfügen (in der Liste zur kopierten Zeit)</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) pasted at the time copied, {when}, and selected</source>
        <translation>
            <numerusform>%n Veranstaltung zur kopierten Zeit eingefügt, {when}, und ausgewählt</numerusform>
            <numerusform>%n Veranstaltungen eingefügt (kopierte Zeiten, ab {when}) und ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>The agenda has no slot to paste into: a paste there keeps the time copied (in the grid, it goes where the pointer is).</source>
        <translation>In der Liste gibt es keine Stelle zum Einfügen: dort eingefügte Veranstaltungen behalten die kopierte Zeit (im Raster kommen sie an den Mauszeiger).</translation>
    </message>
    <message>
        <source>“{title}” repeats. Delete only the occurrence of {when}, this and the following ones, or the whole series?</source>
        <translation>„{title}“ wiederholt sich. Nur diesen Termin löschen ({when}), diesen und alle folgenden oder die ganze Serie?</translation>
    </message>
    <message>
        <source>“{title}” repeats. Change only the occurrence of {when}, this and the following ones, or the whole series?</source>
        <translation>„{title}“ wiederholt sich. Nur den Termin am {when} ändern, diesen und alle folgenden oder die ganze Serie?</translation>
    </message>
    <message>
        <source>Repeating Event</source>
        <translation>Wiederkehrende Veranstaltung</translation>
    </message>
    <message>
        <source>Only &amp;This Occurrence</source>
        <translation>Nur &amp;diesen Termin</translation>
    </message>
    <message>
        <source>This and &amp;Following</source>
        <translation>Diesen und alle &amp;folgenden</translation>
    </message>
    <message>
        <source>The &amp;Whole Series</source>
        <translation>Die &amp;ganze Serie</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>Save the event (from any field)</source>
        <translation>Veranstaltung speichern (aus jedem Feld)</translation>
    </message>
    <message>
        <source>Close the editor (after a change, it asks first)</source>
        <translation>Editor schließen (nach einer Änderung mit Rückfrage)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Neue Veranstaltung</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Veranstaltung bearbeiten</translation>
    </message>
    <message>
        <source>the event is not valid</source>
        <translation>die Veranstaltung ist ungültig</translation>
    </message>
    <message>
        <source>Title and description</source>
        <translation>Titel und Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>When and where</source>
        <translation>Wann und wo</translation>
    </message>
    <message>
        <source>Trac&amp;k</source>
        <translation>Programm&amp;bereich</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>Hours:minutes; a bare number is minutes</source>
        <translation>Stunden:Minuten; eine Zahl allein sind Minuten</translation>
    </message>
    <message>
        <source>&amp;All day</source>
        <translation>&amp;Ganztägig</translation>
    </message>
    <message>
        <source>&amp;No time yet (unscheduled)</source>
        <translation>&amp;Noch ohne Termin</translation>
    </message>
    <message>
        <source>A length but no time: the event waits in Unscheduled until it is placed</source>
        <translation>Eine Dauer, aber keine Zeit: die Veranstaltung wartet unter „Ohne Termin“, bis sie eingeplant wird</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Beginn</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>&amp;Ende</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Dauer</translation>
    </message>
    <message>
        <source>Times in {zone}</source>
        <translation>Zeiten in {zone}</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>vorläufig</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>does not repeat</source>
        <translation>keine Wiederholung</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>wöchentlich</translation>
    </message>
    <message>
        <source>on chosen weekdays</source>
        <translation>an gewählten Wochentagen</translation>
    </message>
    <message>
        <source>other rule (kept as is)</source>
        <translation>andere Regel (bleibt unverändert)</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Mo</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>We</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Th</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fr</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sa</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Su</source>
        <translation>So</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>times</source>
        <translation>Mal</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Untick a date to skip that occurrence</source>
        <translation>Haken entfernen, um diesen Termin auszulassen</translation>
    </message>
    <message>
        <source>Takes place</source>
        <translation>Findet statt</translation>
    </message>
    <message>
        <source>People and details</source>
        <translation>Personen und Details</translation>
    </message>
    <message>
        <source>Filter speakers</source>
        <translation>Mitwirkende filtern</translation>
    </message>
    <message>
        <source>S&amp;peakers</source>
        <translation>&amp;Mitwirkende</translation>
    </message>
    <message>
        <source>New speaker&apos;s name</source>
        <translation>Name einer neuen mitwirkenden Person</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Held in</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>UR&amp;L</source>
        <translation>UR&amp;L</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Expected attendance</source>
        <translation>Erwartete Besucherzahl</translation>
    </message>
    <message>
        <source>The repeat rule {rule} cannot be shown by these controls; it is kept as is unless you choose another repeat.</source>
        <translation>Die Wiederholungsregel {rule} lässt sich hier nicht darstellen; sie bleibt unverändert, solange keine andere Wiederholung gewählt wird.</translation>
    </message>
    <message>
        <source>(to be chosen)</source>
        <translation>(noch zu wählen)</translation>
    </message>
    <message>
        <source> week(s)</source>
        <translation> Woche(n)</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> Tag(e)</translation>
    </message>
    <message>
        <source>choose at least one weekday to repeat on</source>
        <translation>mindestens einen Wochentag für die Wiederholung wählen</translation>
    </message>
    <message>
        <source>the repeat ends before the event starts</source>
        <translation>die Wiederholung endet vor dem Beginn der Veranstaltung</translation>
    </message>
    <message>
        <source>the start day must be one of the days the event repeats on</source>
        <translation>der erste Tag muss einer der Wiederholungstage sein</translation>
    </message>
    <message>
        <source>every occurrence is skipped</source>
        <translation>jeder Termin ist ausgelassen</translation>
    </message>
    <message>
        <source>the event must lie within the programme&apos;s days ({first} to {last})</source>
        <translation>die Veranstaltung muss innerhalb der Programmtage liegen ({first} bis {last})</translation>
    </message>
    <message>
        <source>the repeat goes on past the programme&apos;s days ({first} to {last}), to {day}</source>
        <translation>die Wiederholung reicht über die Tage des Programms ({first} bis {last}) hinaus, bis {day}</translation>
    </message>
    <message>
        <source>{count} expected, but the venue holds {capacity}</source>
        <translation>{count} erwartet, aber der Ort fasst {capacity}</translation>
    </message>
    <message>
        <source>Title still missing in: {langs}</source>
        <translation>Titel fehlt noch auf: {langs}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export calendar</source>
        <extracomment>The files written, after a successful export.</extracomment>
        <translation>Kalender exportieren</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>Whole programme</source>
        <translation>Gesamtes Programm</translation>
    </message>
    <message>
        <source>Events shown by the current filter</source>
        <translation>Vom aktuellen Filter gezeigte Veranstaltungen</translation>
    </message>
    <message>
        <source>Whole programme, one file per track (into a folder)</source>
        <translation>Gesamtes Programm, eine Datei je Programmbereich (in einen Ordner)</translation>
    </message>
    <message>
        <source>Starred events (My programme)</source>
        <translation>Gemerkte Veranstaltungen (Mein Programm)</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russisch</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Keine Erinnerung</translation>
    </message>
    <message>
        <source> minutes before</source>
        <translation> Minuten vorher</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Reminder:</source>
        <translation>Erinnerung:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will be written</source>
        <translation>
            <numerusform>%n Veranstaltung wird geschrieben</numerusform>
            <numerusform>%n Veranstaltungen werden geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> to %n file(s)</source>
        <translation>
            <numerusform> in %n Datei</numerusform>
            <numerusform> in %n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message numerus="yes">
        <source>%n unscheduled event(s) have no time yet and are left out</source>
        <translation>
            <numerusform>%n Veranstaltung ohne Termin hat noch keine Zeit und fehlt</numerusform>
            <numerusform>%n Veranstaltungen ohne Termin haben noch keine Zeit und fehlen</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose where to write</source>
        <translation>Wählen, wohin geschrieben wird</translation>
    </message>
    <message>
        <source>This is a file; one file per track needs a folder</source>
        <translation>Das ist eine Datei; eine Datei je Programmbereich braucht einen Ordner</translation>
    </message>
    <message>
        <source>This is a folder; choose a file name</source>
        <translation>Das ist ein Ordner; einen Dateinamen wählen</translation>
    </message>
    <message>
        <source>Folder for the track calendars</source>
        <translation>Ordner für die Kalender der Programmbereiche</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-Dateien (*.ics)</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Wird geschrieben …</translation>
    </message>
    <message>
        <source>Writing the calendar…</source>
        <translation>Kalender wird geschrieben…</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>Export nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Search titles, speakers, venues…</source>
        <extracomment>The clash list was clicked: the UIDs of the starred events that clash, to show them, and of repeating ones the occurrence that clashes first (uid to RECURRENCE-ID).</extracomment>
        <translation>Titel, Mitwirkende, Orte …</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Programmbereiche</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russisch</translation>
    </message>
    <message>
        <source>Nothing ticked shows all; tick to narrow down.</source>
        <translation>Ohne Haken wird alles gezeigt; Haken setzen schränkt ein.</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Orte</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Mitwirkende</translation>
    </message>
    <message>
        <source>Starred only</source>
        <translation>Nur gemerkte</translation>
    </message>
    <message>
        <source>Show only the events in My programme (Ctrl+D stars)</source>
        <translation>Nur die Veranstaltungen in „Mein Programm“ zeigen (Strg+D merkt vor)</translation>
    </message>
    <message>
        <source>My programme</source>
        <translation>Mein Programm</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 von %n Veranstaltung</numerusform>
            <numerusform>%1 von %n Veranstaltungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clash(es) among starred events:</source>
        <translation>
            <numerusform>%n Konflikt unter den gemerkten Veranstaltungen:</numerusform>
            <numerusform>%n Konflikte unter den gemerkten Veranstaltungen:</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen …</translation>
    </message>
    <message>
        <source>Search titles, speakers and venues</source>
        <translation>Titel, Mitwirkende und Orte durchsuchen</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>{first} to {last}, all day</source>
        <translation>{first} bis {last}, ganztägig</translation>
    </message>
    <message>
        <source>Venue: {venue}</source>
        <translation>Ort: {venue}</translation>
    </message>
    <message>
        <source>Track: {track}</source>
        <translation>Programmbereich: {track}</translation>
    </message>
    <message>
        <source>Speakers: {names}</source>
        <translation>Mitwirkende: {names}</translation>
    </message>
    <message>
        <source>Languages: {langs}</source>
        <translation>Sprachen: {langs}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>vorläufig</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Changed occurrence of a repeating event</source>
        <translation>Einzeln geänderter Termin einer wiederkehrenden Veranstaltung</translation>
    </message>
    <message>
        <source>Repeats: a change asks whether it is for this occurrence, the following ones or the whole series</source>
        <translation>Wiederholt sich: bei einer Änderung wird gefragt, ob sie für diesen Termin, die folgenden oder die ganze Serie gilt</translation>
    </message>
    <message>
        <source>Select an event, or the slot to paste into</source>
        <translation>Veranstaltung auswählen, oder die Stelle zum Einfügen</translation>
    </message>
    <message>
        <source>Add an event to the selection or take it away</source>
        <translation>Veranstaltung zur Auswahl hinzufügen oder herausnehmen</translation>
    </message>
    <message>
        <source>Move the selection to the event or day beside it</source>
        <translation>Auswahl zur benachbarten Veranstaltung oder zum benachbarten Tag bewegen</translation>
    </message>
    <message>
        <source>Edit the selected event</source>
        <translation>Die gewählte Veranstaltung bearbeiten</translation>
    </message>
    <message>
        <source>Delete the selected events</source>
        <translation>Ausgewählte Veranstaltungen löschen</translation>
    </message>
    <message>
        <source>Move an event to another time, day or venue</source>
        <translation>Veranstaltung auf eine andere Zeit, einen anderen Tag oder Ort verschieben</translation>
    </message>
    <message>
        <source>Change an event&apos;s length</source>
        <translation>Dauer einer Veranstaltung ändern</translation>
    </message>
    <message>
        <source>Copy an event to where it is dropped</source>
        <translation>Veranstaltung dorthin kopieren, wo sie abgelegt wird</translation>
    </message>
    <message>
        <source>Scroll to a time or day out of view while dragging</source>
        <translation>Beim Ziehen zu einer Zeit oder einem Tag außerhalb der Ansicht rollen</translation>
    </message>
    <message>
        <source>Cancel the drag</source>
        <translation>Ziehen abbrechen</translation>
    </message>
    <message>
        <source>Edit the event under the pointer</source>
        <translation>Veranstaltung unter dem Mauszeiger bearbeiten</translation>
    </message>
    <message>
        <source>New event at the empty slot</source>
        <translation>Neue Veranstaltung an der freien Stelle</translation>
    </message>
    <message>
        <source>Show the day whose heading is double-clicked</source>
        <translation>Den Tag zeigen, dessen Kopf doppelt angeklickt wird</translation>
    </message>
    <message>
        <source>The menu of an event or a slot</source>
        <translation>Menü einer Veranstaltung oder einer Stelle</translation>
    </message>
    <message>
        <source>List the events behind “+N”</source>
        <translation>Die Veranstaltungen hinter „+N“ auflisten</translation>
    </message>
    <message>
        <source>Zoom the hours in or out</source>
        <translation>Stunden vergrößern oder verkleinern</translation>
    </message>
    <message>
        <source>Scroll the days sideways</source>
        <translation>Die Tage seitwärts rollen</translation>
    </message>
    <message>
        <source>Hide or show a track (its chip under the grid)</source>
        <translation>Themenbereich aus- oder einblenden (sein Chip unter dem Raster)</translation>
    </message>
    <message>
        <source>Place an unscheduled session (from its panel)</source>
        <translation>Veranstaltung ohne Termin einplanen (aus ihrem Bereich)</translation>
    </message>
    <message>
        <source>This occurrence ({day}) clashes with another event</source>
        <translation>Dieser Termin ({day}) überschneidet sich mit einer anderen Veranstaltung</translation>
    </message>
    <message>
        <source>Clashes with another event</source>
        <translation>Überschneidet sich mit einer anderen Veranstaltung</translation>
    </message>
    <message>
        <source>Click to list them</source>
        <translation>Klicken, um sie aufzulisten</translation>
    </message>
    <message>
        <source>Show This Day by Venue</source>
        <translation>Diesen Tag nach Orten zeigen</translation>
    </message>
</context>
<context>
    <name>HoursDialog</name>
    <message>
        <source>Hours Shown</source>
        <translation>Angezeigte Stunden</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>Events outside these hours are shown at their edge.</source>
        <translation>Veranstaltungen außerhalb dieser Stunden werden an ihrem Rand gezeigt.</translation>
    </message>
    <message>
        <source>Show at least an hour.</source>
        <translation>Mindestens eine Stunde zeigen.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Programme Planner will be in %1 when it starts again.</source>
        <translation>Programme Planner erscheint beim nächsten Start auf %1.</translation>
    </message>
    <message>
        <source>&amp;Restart Now</source>
        <translation>Jetzt &amp;neu starten</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu …</translation>
    </message>
    <message>
        <source>Start a new programme</source>
        <translation>Ein neues Programm beginnen</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open a programme file</source>
        <translation>Eine Programmdatei öffnen</translation>
    </message>
    <message>
        <source>Open a programme file to look at it; changes go to a copy (Save As)</source>
        <translation>Eine Programmdatei zum Ansehen öffnen; Änderungen gehen in eine Kopie (Speichern unter)</translation>
    </message>
    <message>
        <source>Open &amp;Built-in Programme</source>
        <translation>&amp;Eingebautes Programm öffnen</translation>
    </message>
    <message>
        <source>Open the German Week 2019 programme</source>
        <translation>Das Programm der Deutschen Woche 2019 öffnen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the programme</source>
        <translation>Das Programm speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>Save the programme in a new file</source>
        <translation>Das Programm in einer neuen Datei speichern</translation>
    </message>
    <message>
        <source>&amp;Export ICS…</source>
        <translation>ICS e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Write the programme as a calendar file</source>
        <translation>Das Programm als Kalenderdatei schreiben</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;New Event…</source>
        <translation>Neue &amp;Veranstaltung …</translation>
    </message>
    <message>
        <source>Add an event</source>
        <translation>Eine Veranstaltung hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit Event…</source>
        <translation>Veranstaltung &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>Edit the selected event</source>
        <translation>Die gewählte Veranstaltung bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected events (undoable)</source>
        <translation>Die gewählten Veranstaltungen löschen (rückgängig zu machen)</translation>
    </message>
    <message>
        <source>Edit tracks, venues and people</source>
        <translation>Programmbereiche, Orte und Personen bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Week Grid</source>
        <translation>&amp;Wochenraster</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>T&amp;ag</translation>
    </message>
    <message>
        <source>&amp;Venue Grid</source>
        <translation>&amp;Ortsraster</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <source>One column per day</source>
        <translation>Eine Spalte je Tag</translation>
    </message>
    <message>
        <source>One day, as wide as the window</source>
        <translation>Ein Tag, so breit wie das Fenster</translation>
    </message>
    <message>
        <source>One column per venue, for one day</source>
        <translation>Eine Spalte je Ort, für einen Tag</translation>
    </message>
    <message>
        <source>A sortable table of events</source>
        <translation>Eine sortierbare Tabelle der Veranstaltungen</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Orte</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>&amp;Previous Day</source>
        <translation>Tag zu&amp;rück</translation>
    </message>
    <message>
        <source>Show the previous day or week</source>
        <translation>Den vorherigen Tag oder die vorherige Woche zeigen</translation>
    </message>
    <message>
        <source>&amp;Next Day</source>
        <translation>Tag &amp;vor</translation>
    </message>
    <message>
        <source>Show the next day or week</source>
        <translation>Den nächsten Tag oder die nächste Woche zeigen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Go to the &amp;First Event</source>
        <translation>Zur &amp;ersten Veranstaltung</translation>
    </message>
    <message>
        <source>Snap to {n} Minutes</source>
        <translation>Auf {n} Minuten einrasten</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Other Zone…</source>
        <translation>Andere Zeitzone …</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Rückgängig: {action}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Wiederholen: {action}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Snapping</source>
        <translation>E&amp;inrasten</translation>
    </message>
    <message>
        <source>Second Time &amp;Zone</source>
        <translation>Zweite &amp;Zeitzone</translation>
    </message>
    <message>
        <source>Pan&amp;els</source>
        <translation>Leis&amp;ten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>&amp;Tastenkürzel …</translation>
    </message>
    <message>
        <source>Every key the window answers to</source>
        <translation>Jede Taste, auf die das Fenster reagiert</translation>
    </message>
    <message>
        <source>&amp;About Programme Planner</source>
        <translation>&amp;Über Programme Planner</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>New Event</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>The day to show</source>
        <translation>Der gezeigte Tag</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Second Time Zone</source>
        <translation>Zweite Zeitzone</translation>
    </message>
    <message>
        <source>Zone of the second time ruler:</source>
        <translation>Zeitzone der zweiten Zeitleiste:</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>Ungesicherte Arbeit wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>“{name}” (%n event(s)) was not saved when its window closed on {when}. Open it?</source>
        <translation>
            <numerusform>„{name}“ (%n Veranstaltung) war nicht gespeichert, als sein Fenster am {when} geschlossen wurde. Öffnen?</numerusform>
            <numerusform>„{name}“ (%n Veranstaltungen) war nicht gespeichert, als sein Fenster am {when} geschlossen wurde. Öffnen?</numerusform>
        </translation>
    </message>
    <message>
        <source>built-in programme</source>
        <translation>eingebautes Programm</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>noch nicht gespeichert</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>(schreibgeschützt)</translation>
    </message>
    <message>
        <source>Programme Planner</source>
        <translation>Programme Planner</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <source>&amp;Previous Week</source>
        <translation>Woche zu&amp;rück</translation>
    </message>
    <message>
        <source>&amp;Next Week</source>
        <translation>Woche &amp;vor</translation>
    </message>
    <message>
        <source>Place “{title}”</source>
        <translation>„{title}“ einplanen</translation>
    </message>
    <message>
        <source>Add a track and a venue first (Edit &gt; Tracks, Venues and People).</source>
        <translation>Zuerst einen Programmbereich und einen Ort anlegen (Bearbeiten &gt; Programmbereiche, Orte und Personen).</translation>
    </message>
    <message>
        <source>Edit One Occurrence</source>
        <translation>Einen Termin bearbeiten</translation>
    </message>
    <message>
        <source>Edit This and Following Occurrences</source>
        <translation>Diesen und alle folgenden Termine bearbeiten</translation>
    </message>
    <message>
        <source>Edit one occurrence of “{title}”</source>
        <translation>Einen Termin von „{title}“ bearbeiten</translation>
    </message>
    <message>
        <source>Edit “{title}” from {when} on</source>
        <translation>„{title}“ ab {when} bearbeiten</translation>
    </message>
    <message>
        <source>About Programme Planner</source>
        <translation>Über Programme Planner</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Programme Planner&lt;/h3&gt;&lt;p&gt;Plan, check and publish the programme of a multi-day, multi-venue event.&lt;/p&gt;&lt;p&gt;Built-in programme: the 16th German Week in St. Petersburg (2019), an illustrative reconstruction.&lt;/p&gt;&lt;p&gt;Qt for Python {version}. Font: Noto Sans, SIL Open Font License 1.1.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Programme Planner&lt;/h3&gt;&lt;p&gt;Das Programm einer mehrtägigen Veranstaltung an vielen Orten planen, prüfen und veröffentlichen.&lt;/p&gt;&lt;p&gt;Eingebautes Programm: die 16. Deutsche Woche in St. Petersburg (2019), eine anschauliche Rekonstruktion.&lt;/p&gt;&lt;p&gt;Qt for Python {version}. Schrift: Noto Sans, SIL Open Font License 1.1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>New event “{title}”</source>
        <translation>Neue Veranstaltung „{title}“</translation>
    </message>
    <message>
        <source>Open Read-Onl&amp;y…</source>
        <translation>Sc&amp;hreibgeschützt öffnen …</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>Merge events from calendars (ICS), spreadsheets (CSV) and conference schedules (schedule.xml, schedule.json)</source>
        <translation>Veranstaltungen aus Kalendern (ICS), Tabellen (CSV) und Konferenzplänen (schedule.xml, schedule.json) übernehmen</translation>
    </message>
    <message>
        <source>Trac&amp;ks, Venues and People…</source>
        <translation>&amp;Programmbereiche, Orte und Personen …</translation>
    </message>
    <message>
        <source>Edit “{title}”</source>
        <translation>„{title}“ bearbeiten</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved. Save them?</source>
        <translation>„{name}“ hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Opened {path} read-only</source>
        <translation>{path} schreibgeschützt geöffnet</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>{path} geöffnet</translation>
    </message>
    <message>
        <source>Open Programme</source>
        <translation>Programm öffnen</translation>
    </message>
    <message>
        <source>Open Programme Read-Only</source>
        <translation>Programm schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>Programmes (*{suffix});;All files (*)</source>
        <translation>Programme (*{suffix});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Save Programme As</source>
        <translation>Programm speichern unter</translation>
    </message>
    <message>
        <source>Programmes (*{suffix})</source>
        <translation>Programme (*{suffix})</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>Gespeichert als {path}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Import Events</source>
        <translation>Veranstaltungen importieren</translation>
    </message>
    <message>
        <source>Calendars, spreadsheets and schedules (*.ics *.csv *.xml *.json)</source>
        <translation>Kalender, Tabellen und Konferenzpläne (*.ics *.csv *.xml *.json)</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv)</source>
        <translation>Tabellen (*.csv)</translation>
    </message>
    <message>
        <source>Schedules (*.xml *.json)</source>
        <translation>Konferenzpläne (*.xml *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Importing {count} file(s)…</source>
        <translation>Dateien werden importiert ({count}) …</translation>
    </message>
    <message>
        <source>The programme changed during the import; import the files again.</source>
        <translation>Das Programm hat sich während des Imports geändert; die Dateien bitte erneut importieren.</translation>
    </message>
    <message>
        <source>Import failed: {error}</source>
        <translation>Import fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import {added} new and {updated} changed events</source>
        <translation>Import: {added} neue und {updated} geänderte Veranstaltungen</translation>
    </message>
    <message>
        <source>Skipped: {problem}</source>
        <translation>Übersprungen: {problem}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Hinweis: {note}</translation>
    </message>
    <message>
        <source>… and {count} more in the details</source>
        <translation>… und {count} weitere in den Details</translation>
    </message>
    <message>
        <source>Nothing new to import: {summary}</source>
        <translation>Nichts Neues zu importieren: {summary}</translation>
    </message>
    <message>
        <source>Imported: {summary}</source>
        <translation>Importiert: {summary}</translation>
    </message>
    <message>
        <source>Export ICS</source>
        <translation>ICS exportieren</translation>
    </message>
    <message>
        <source>Calendars (*.ics)</source>
        <translation>Kalender (*.ics)</translation>
    </message>
    <message>
        <source>Open &amp;Read-Only</source>
        <translation>&amp;Schreibgeschützt öffnen</translation>
    </message>
</context>
<context>
    <name>MyProgramme</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>&amp;My Programme</source>
        <translation>&amp;Mein Programm</translation>
    </message>
    <message>
        <source>Show only the starred events</source>
        <translation>Nur die gemerkten Veranstaltungen zeigen</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>Print the events the views show</source>
        <translation>Die in den Ansichten gezeigten Veranstaltungen drucken</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>Druck&amp;vorschau …</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>PDF ex&amp;portieren …</translation>
    </message>
    <message>
        <source>Write the events the views show as a PDF</source>
        <translation>Die in den Ansichten gezeigten Veranstaltungen als PDF schreiben</translation>
    </message>
    <message>
        <source>Door S&amp;heets</source>
        <translation>&amp;Türaushänge</translation>
    </message>
    <message>
        <source>One page per venue and day</source>
        <translation>Eine Seite je Ort und Tag</translation>
    </message>
    <message>
        <source>Exported {file}</source>
        <translation>{file} exportiert</translation>
    </message>
    <message>
        <source>Printing the whole programme</source>
        <translation>Das ganze Programm wird gedruckt</translation>
    </message>
    <message>
        <source>Printing the {count} events the filter shows</source>
        <translation>Die vom Filter gezeigten Veranstaltungen werden gedruckt ({count})</translation>
    </message>
    <message>
        <source>The filter shows no events: nothing to print</source>
        <translation>Der Filter zeigt keine Veranstaltungen: nichts zu drucken</translation>
    </message>
    <message numerus="yes">
        <source>Printed %n page(s)</source>
        <translation>
            <numerusform>%n Seite gedruckt</numerusform>
            <numerusform>%n Seiten gedruckt</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled</source>
        <translation>Drucken abgebrochen</translation>
    </message>
    <message>
        <source>Wrote {file} ({pages} pages)</source>
        <translation>{file} geschrieben (Seiten: {pages})</translation>
    </message>
</context>
<context>
    <name>NewProgrammeDialog</name>
    <message>
        <source>New Programme</source>
        <translation>Neues Programm</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>Neues Programm</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>&amp;First day:</source>
        <translation>&amp;Erster Tag:</translation>
    </message>
    <message>
        <source>&amp;Last day:</source>
        <translation>&amp;Letzter Tag:</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Ganztägig</translation>
    </message>
    <message>
        <source>Speaker: %1</source>
        <translation>Mitwirkend: %1</translation>
    </message>
    <message>
        <source>Speakers: %1</source>
        <translation>Mitwirkende: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>To be confirmed</source>
        <translation>Noch nicht bestätigt</translation>
    </message>
    <message>
        <source>Subscribe in your calendar: every change comes by itself</source>
        <translation>Im Kalender abonnieren: jede Änderung kommt von selbst</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>All times are local time: %1 (%2)</source>
        <translation>Alle Zeiten sind Ortszeit: %1 (%2)</translation>
    </message>
    <message>
        <source>A selection: %1 of %2 events</source>
        <translation>Eine Auswahl: %1 von %2 Veranstaltungen</translation>
    </message>
    <message>
        <source>Tracks in this selection</source>
        <translation>Programmbereiche in dieser Auswahl</translation>
    </message>
    <message>
        <source>Tracks in this programme</source>
        <translation>Programmbereiche in diesem Programm</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Orte</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>(continued)</source>
        <translation>(Fortsetzung)</translation>
    </message>
    <message>
        <source>No events on this day.</source>
        <translation>An diesem Tag keine Veranstaltungen.</translation>
    </message>
    <message>
        <source>This room in your calendar</source>
        <translation>Dieser Raum in Ihrem Kalender</translation>
    </message>
    <message>
        <source>Print Door Sheets</source>
        <translation>Türaushänge drucken</translation>
    </message>
    <message>
        <source>Print Programme</source>
        <translation>Programm drucken</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Druckvorschau</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1: kann nicht geschrieben werden (%2)</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Writes the calendar feeds, the schedule files for conference apps and the list of changes into one folder, ready for a web server.</source>
        <translation>Schreibt die Kalender-Feeds, die Fahrplandateien für Konferenz-Apps und die Liste der Änderungen in einen Ordner, bereit für einen Webserver.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Where the folder will be served: feeds get webcal:// links and QR codes (optional)</source>
        <translation>Wo der Ordner im Web liegen wird: die Feeds bekommen webcal://-Links und QR-Codes (optional)</translation>
    </message>
    <message>
        <source>&amp;Web address:</source>
        <translation>&amp;Webadresse:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Publish the programme as it stands (a &amp;draft), not the latest release</source>
        <translation>Den aktuellen Stand veröffentlichen (einen &amp;Entwurf), nicht die letzte Veröffentlichung</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>Publish Folder</source>
        <translation>Ordner zum Veröffentlichen</translation>
    </message>
    <message>
        <source>Choose the folder to publish into.</source>
        <translation>Wählen Sie den Ordner, in den veröffentlicht wird.</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>Das ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>This folder holds other files; a publish replaces the whole folder. Choose a new or empty one.</source>
        <translation>Dieser Ordner enthält andere Dateien; eine Veröffentlichung ersetzt den ganzen Ordner. Wählen Sie einen neuen oder leeren.</translation>
    </message>
    <message>
        <source>The programme as it stands is published, marked as a draft.</source>
        <translation>Der aktuelle Stand des Programms wird veröffentlicht, als Entwurf gekennzeichnet.</translation>
    </message>
    <message>
        <source>Release “{name}” is published.</source>
        <translation>Die Veröffentlichung „{name}“ wird veröffentlicht.</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>Release</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <source>A release is a snapshot of the programme as it stands: the feeds and schedule files are published from it, and what changes afterwards is listed against it.</source>
        <translation>Eine Veröffentlichung hält den aktuellen Stand des Programms fest: aus ihr werden Feeds und Fahrplandateien veröffentlicht, und spätere Änderungen werden ihr gegenüber aufgelistet.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>What the people following the programme should know (optional)</source>
        <translation>Was alle wissen sollten, die dem Programm folgen (optional)</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;otiz:</translation>
    </message>
    <message>
        <source>&amp;Release</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
</context>
<context>
    <name>Releases</name>
    <message>
        <source>Releases</source>
        <translation>Veröffentlichungen</translation>
    </message>
    <message>
        <source>Re&amp;lease…</source>
        <translation>Veröffentlichung &amp;anlegen …</translation>
    </message>
    <message>
        <source>Record the programme as it stands as a named release</source>
        <translation>Den aktuellen Stand als benannte Veröffentlichung festhalten</translation>
    </message>
    <message>
        <source>P&amp;ublish…</source>
        <translation>Ver&amp;öffentlichen …</translation>
    </message>
    <message>
        <source>Write the feeds, schedule files and change list into a folder</source>
        <translation>Feeds, Fahrplandateien und Änderungsliste in einen Ordner schreiben</translation>
    </message>
    <message>
        <source>No releases</source>
        <translation>Keine Veröffentlichungen</translation>
    </message>
    <message>
        <source>Save the programme to a file to record releases and publish it.</source>
        <translation>Speichern Sie das Programm in einer Datei, um Veröffentlichungen anzulegen und es zu veröffentlichen.</translation>
    </message>
    <message>
        <source>No release yet</source>
        <translation>Noch keine Veröffentlichung</translation>
    </message>
    <message>
        <source>File › Release… records the first: the feeds and schedule files are published from it, and what changes afterwards is listed here.</source>
        <translation>Datei › Veröffentlichung anlegen… legt die erste an: aus ihr werden Feeds und Fahrplandateien veröffentlicht, und was sich danach ändert, steht hier.</translation>
    </message>
    <message>
        <source>Changes since release “{name}” (working them out…)</source>
        <translation>Änderungen seit „{name}“ (werden ermittelt…)</translation>
    </message>
    <message>
        <source>Changes since release “{name}”</source>
        <translation>Änderungen seit „{name}“</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to tell; double-click one to see the event</source>
        <translation>
            <numerusform>%n Änderung mitzuteilen; Doppelklick zeigt die Veranstaltung</numerusform>
            <numerusform>%n Änderungen mitzuteilen; Doppelklick zeigt die Veranstaltung</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing has changed that anyone following the programme would notice.</source>
        <translation>Nichts geändert, was jemandem auffiele, der dem Programm folgt.</translation>
    </message>
    <message>
        <source>Changes could not be worked out</source>
        <translation>Die Änderungen konnten nicht ermittelt werden</translation>
    </message>
    <message>
        <source>That event is no longer in the programme</source>
        <translation>Diese Veranstaltung ist nicht mehr im Programm</translation>
    </message>
    <message>
        <source>This is the programme&apos;s first release.</source>
        <translation>Das ist die erste Veröffentlichung des Programms.</translation>
    </message>
    <message>
        <source>The latest release is “{name}”.</source>
        <translation>Die letzte Veröffentlichung ist „{name}“.</translation>
    </message>
    <message>
        <source>Working out what changed since release “{name}”…</source>
        <translation>Ermittle, was sich seit „{name}“ geändert hat…</translation>
    </message>
    <message>
        <source>Nothing anyone would notice has changed since release “{name}”.</source>
        <translation>Seit „{name}“ hat sich nichts geändert, was jemandem auffiele.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) since release “{name}”.</source>
        <translation>
            <numerusform>%n Änderung seit „{name}“.</numerusform>
            <numerusform>%n Änderungen seit „{name}“.</numerusform>
        </translation>
    </message>
    <message>
        <source>Released “{name}” ({count} events)</source>
        <translation>„{name}“ veröffentlicht ({count} Veranstaltungen)</translation>
    </message>
    <message>
        <source>Preparing the release…</source>
        <translation>Veröffentlichung wird vorbereitet…</translation>
    </message>
    <message>
        <source>release “{name}”</source>
        <translation>Veröffentlichung „{name}“</translation>
    </message>
    <message>
        <source>the draft</source>
        <translation>den Entwurf</translation>
    </message>
    <message>
        <source>Published {what} to {folder}: {files} files</source>
        <translation>{what} nach {folder} veröffentlicht: {files} Dateien</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Wird veröffentlicht…</translation>
    </message>
</context>
<context>
    <name>ReleasesModel</name>
    <message>
        <source>Release</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Veranstaltung</numerusform>
            <numerusform>%n Veranstaltungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>Scheduling</name>
    <message>
        <source>Unscheduled</source>
        <translation>Ohne Termin</translation>
    </message>
    <message>
        <source>Unsc&amp;hedule</source>
        <translation>Termin &amp;entfernen</translation>
    </message>
    <message>
        <source>Take the time away from the selected events; they wait in Unscheduled</source>
        <translation>Den ausgewählten Veranstaltungen den Termin nehmen; sie warten unter „Ohne Termin“</translation>
    </message>
    <message>
        <source>Su&amp;ggest Slots…</source>
        <translation>&amp;Freie Termine vorschlagen …</translation>
    </message>
    <message>
        <source>Schedule Un&amp;placed…</source>
        <translation>&amp;Nicht eingeplante einplanen …</translation>
    </message>
    <message>
        <source>Unscheduled ({count})</source>
        <translation>Ohne Termin ({count})</translation>
    </message>
    <message>
        <source>“{title}” has no venue yet: drop it on a venue&apos;s column in the venue grid, or use Suggest Slots</source>
        <translation>„{title}“ hat noch keinen Ort: ziehen Sie sie im Ortsraster auf die Spalte eines Ortes, oder nutzen Sie „Freie Termine vorschlagen“</translation>
    </message>
    <message>
        <source>Place “{title}”</source>
        <translation>„{title}“ einplanen</translation>
    </message>
    <message>
        <source>A repeating event cannot be unscheduled.</source>
        <translation>Einer wiederkehrenden Veranstaltung kann der Termin nicht genommen werden.</translation>
    </message>
    <message>
        <source>Unschedule “{title}”</source>
        <translation>Termin von „{title}“ entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Unschedule %n event(s)</source>
        <translation>
            <numerusform>Termin von %n Veranstaltung entfernen</numerusform>
            <numerusform>Termine von %n Veranstaltungen entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an event first: in the grid, or in Unscheduled.</source>
        <translation>Wählen Sie zuerst eine Veranstaltung aus: im Raster oder unter „Ohne Termin“.</translation>
    </message>
    <message>
        <source>Looking for free slots for “{title}”…</source>
        <translation>Suche freie Zeiten für „{title}“ …</translation>
    </message>
    <message>
        <source>Looking for a plan…</source>
        <translation>Suche einen Plan …</translation>
    </message>
    <message numerus="yes">
        <source>A plan without clashes: %n change(s). Apply it as one step, or discard it.</source>
        <translation>
            <numerusform>Ein Plan ohne Konflikte: %n Änderung. Übernehmen Sie ihn in einem Schritt oder verwerfen Sie ihn.</numerusform>
            <numerusform>Ein Plan ohne Konflikte: %n Änderungen. Übernehmen Sie ihn in einem Schritt oder verwerfen Sie ihn.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not every event can be placed without a clash; the reasons are listed. The rest can still be applied.</source>
        <translation>Nicht jede Veranstaltung lässt sich ohne Konflikt einplanen; die Gründe stehen darunter. Den Rest können Sie trotzdem übernehmen.</translation>
    </message>
    <message numerus="yes">
        <source>Schedule %n event(s)</source>
        <translation>
            <numerusform>%n Veranstaltung einplanen</numerusform>
            <numerusform>%n Veranstaltungen einplanen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Other</source>
        <translation>Weitere</translation>
    </message>
    <message>
        <source>Calendar Grid</source>
        <translation>Kalenderraster</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Event Editor</source>
        <translation>Veranstaltungseditor</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Klick</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>Doppelklick</translation>
    </message>
    <message>
        <source>Right-click</source>
        <translation>Rechtsklick</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>Ziehen</translation>
    </message>
    <message>
        <source>Drag its lower edge</source>
        <translation>Unterkante ziehen</translation>
    </message>
    <message>
        <source>Hold at an edge of the grid</source>
        <translation>Beim Ziehen am Rand des Rasters halten</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>Mausrad</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>StarAction</name>
    <message>
        <source>Ctrl+D</source>
        <extracomment>The colour of a star wherever one is drawn: a warm gold that reads on light and dark.</extracomment>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Add the selected events to My programme, or remove them</source>
        <translation>Die gewählten Veranstaltungen zu „Mein Programm“ hinzufügen oder daraus entfernen</translation>
    </message>
    <message>
        <source>Unstar</source>
        <translation>Nicht mehr merken</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Merken</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <source>Suggested Slots for “{title}”</source>
        <translation>Freie Termine für „{title}“</translation>
    </message>
    <message>
        <source>No free slot: every time that fits clashes with something.</source>
        <translation>Kein freier Termin: jede passende Zeit kollidiert mit etwas.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>the programme was closed during the sync</source>
        <translation>das Programm wurde während der Synchronisierung geschlossen</translation>
    </message>
    <message>
        <source>Sync No&amp;w</source>
        <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>Send this programme&apos;s changes to the calendar server and take those made elsewhere</source>
        <translation>Die Änderungen dieses Programms an den Kalenderserver senden und die anderswo gemachten übernehmen</translation>
    </message>
    <message>
        <source>Sync Se&amp;ttings…</source>
        <translation>Synchronisierungseinstellun&amp;gen …</translation>
    </message>
    <message>
        <source>The calendar server to sync with</source>
        <translation>Der Kalenderserver, mit dem synchronisiert wird</translation>
    </message>
    <message>
        <source>Sync &amp;Conflicts…</source>
        <translation>Synchronisierungs&amp;konflikte …</translation>
    </message>
    <message>
        <source>Events changed here and on the server: choose which version to keep</source>
        <translation>Hier und auf dem Server geänderte Veranstaltungen: wählen, welche Fassung bleibt</translation>
    </message>
    <message>
        <source>Save the programme to a file first: a programme syncs from its file.</source>
        <translation>Zuerst das Programm in einer Datei speichern: ein Programm wird aus seiner Datei synchronisiert.</translation>
    </message>
    <message>
        <source>A password is needed: File › Sync Now asks for it</source>
        <translation>Ein Passwort wird gebraucht: Datei › Jetzt synchronisieren fragt danach</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <source>Password of {user} at {url}:</source>
        <translation>Passwort von {user} auf {url}:</translation>
    </message>
    <message>
        <source>{n} from the server</source>
        <translation>{n} vom Server</translation>
    </message>
    <message>
        <source>{n} sent</source>
        <translation>{n} gesendet</translation>
    </message>
    <message>
        <source>Synced: {what}</source>
        <translation>Synchronisiert: {what}</translation>
    </message>
    <message>
        <source>Sync: no server set</source>
        <translation>Sync: kein Server eingestellt</translation>
    </message>
    <message>
        <source>Syncing… {done} of {total}</source>
        <translation>Synchronisiere… {done} von {total}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Not synced since {when}</source>
        <translation>Nicht synchronisiert seit {when}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync with the calendar server (F9)</source>
        <translation>Mit dem Kalenderserver synchronisieren (F9)</translation>
    </message>
    <message numerus="yes">
        <source>Settle %n sync conflict(s)</source>
        <translation>
            <numerusform>%n Synchronisierungskonflikt lösen</numerusform>
            <numerusform>%n Synchronisierungskonflikte lösen</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Gerade synchronisiert</translation>
    </message>
    <message>
        <source>Synced {n} min ago</source>
        <translation>Vor {n} Min. synchronisiert</translation>
    </message>
    <message>
        <source>Synced at {when}</source>
        <translation>Synchronisiert um {when}</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Sync Settings</source>
        <translation>Synchronisierungseinstellungen</translation>
    </message>
    <message>
        <source>The address of a calendar home: the folder that holds a user&apos;s calendars on a CalDAV server. Nextcloud: https://HOST/remote.php/dav/calendars/USER/ (with an app password); Radicale: https://HOST:5232/USER/. Each track becomes a calendar there.</source>
        <translation>Die Adresse eines Kalender-Stammordners: des Ordners, der die Kalender eines Benutzers auf einem CalDAV-Server enthält. Nextcloud: https://HOST/remote.php/dav/calendars/USER/ (mit einem App-Passwort); Radicale: https://HOST:5232/USER/. Jede Reihe wird dort ein Kalender.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>(kept until the window closes)</source>
        <translation>(aufbewahrt, bis das Fenster schließt)</translation>
    </message>
    <message>
        <source>no keyring on this system: kept until the window closes</source>
        <translation>kein Schlüsselbund: bis das Fenster schließt</translation>
    </message>
    <message>
        <source>(kept in the system keyring)</source>
        <translation>(im Schlüsselbund des Systems gespeichert)</translation>
    </message>
    <message>
        <source>kept in the system keyring, never in the file</source>
        <translation>im Schlüsselbund des Systems gespeichert, nie in der Datei</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Accept a certificate that cannot be verified (a self-signed one)</source>
        <translation>Ein nicht prüfbares Zertifikat annehmen (ein selbst signiertes)</translation>
    </message>
    <message>
        <source>Only for a server you run yourself: the connection is then not protected against a server pretending to be it.</source>
        <translation>Nur für einen Server, den Sie selbst betreiben: die Verbindung ist dann nicht dagegen geschützt, dass sich ein anderer Server als er ausgibt.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Sync &amp;automatically every:</source>
        <translation>&amp;Automatisch synchronisieren alle:</translation>
    </message>
    <message>
        <source>The address starts with https:// (or http://) and names a server.</source>
        <translation>Die Adresse beginnt mit https:// (oder http://) und nennt einen Server.</translation>
    </message>
    <message>
        <source>Give the user name on the server.</source>
        <translation>Den Benutzernamen auf dem Server angeben.</translation>
    </message>
</context>
<context>
    <name>TextsEditor</name>
    <message>
        <source>missing ({lang})</source>
        <translation>fehlt ({lang})</translation>
    </message>
</context>
<context>
    <name>TrackLegend</name>
    <message>
        <source>{track}: hidden; click to show it</source>
        <translation>{track}: ausgeblendet; zum Zeigen klicken</translation>
    </message>
    <message>
        <source>{track}: click to hide it</source>
        <translation>{track}: zum Ausblenden klicken</translation>
    </message>
</context>
<context>
    <name>UnscheduledModel</name>
    <message>
        <source>Track: {name}</source>
        <translation>Programmbereich: {name}</translation>
    </message>
    <message>
        <source>Venue: {name}</source>
        <translation>Ort: {name}</translation>
    </message>
    <message>
        <source>to be chosen</source>
        <translation>noch zu wählen</translation>
    </message>
    <message>
        <source>Speakers: {names}</source>
        <translation>Mitwirkende: {names}</translation>
    </message>
</context>
<context>
    <name>UnscheduledPanel</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} Std.</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <source>Drag an event onto the grid to place it</source>
        <translation>Ziehen Sie eine Veranstaltung auf das Raster, um sie einzuplanen</translation>
    </message>
    <message>
        <source>Suggest Slots…</source>
        <translation>Termine vorschlagen …</translation>
    </message>
    <message>
        <source>Schedule Unplaced…</source>
        <translation>Alle einplanen …</translation>
    </message>
    <message>
        <source>Apply Plan</source>
        <translation>Plan übernehmen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) without a time</source>
        <translation>
            <numerusform>%n Veranstaltung ohne Termin</numerusform>
            <numerusform>%n Veranstaltungen ohne Termin</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <source>&amp;Hours</source>
        <translation>&amp;Uhrzeiten</translation>
    </message>
    <message>
        <source>The &amp;Programme&apos;s Hours</source>
        <translation>&amp;Stunden des Programms</translation>
    </message>
    <message>
        <source>The &amp;Whole Day</source>
        <translation>&amp;Ganzer Tag</translation>
    </message>
    <message>
        <source>&amp;Custom Hours…</source>
        <translation>&amp;Eigene Zeiten …</translation>
    </message>
    <message>
        <source>From the first start to the last end of the programme&apos;s events</source>
        <translation>Vom ersten Beginn bis zum letzten Ende der Veranstaltungen des Programms</translation>
    </message>
    <message>
        <source>Hide Empt&amp;y Venues</source>
        <translation>Leere Orte aus&amp;blenden</translation>
    </message>
    <message>
        <source>In the venue grid, leave out the venues with nothing on the day</source>
        <translation>Im Ortsraster die Orte weglassen, an denen an dem Tag nichts stattfindet</translation>
    </message>
    <message>
        <source>The &amp;Programme&apos;s Hours ({first}–{last})</source>
        <translation>&amp;Stunden des Programms ({first}–{last})</translation>
    </message>
    <message>
        <source>&amp;Custom Hours ({first}–{last})…</source>
        <translation>&amp;Eigene Zeiten ({first}–{last}) …</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>“{step}” cannot be undone or redone any more: a sync brought changes to the same events since</source>
        <translation>„{step}“ kann nicht mehr rückgängig gemacht oder wiederholt werden: eine Synchronisierung hat seitdem Änderungen an denselben Veranstaltungen gebracht</translation>
    </message>
    <message>
        <source>Move the whole series “{title}”</source>
        <translation>Ganze Serie „{title}“ verschieben</translation>
    </message>
    <message>
        <source>Move “{title}”</source>
        <translation>„{title}“ verschieben</translation>
    </message>
    <message>
        <source>Change the end of “{title}”</source>
        <translation>Ende von „{title}“ ändern</translation>
    </message>
    <message>
        <source>Delete “{title}”</source>
        <translation>„{title}“ löschen</translation>
    </message>
    <message>
        <source>Delete {count} events</source>
        <translation>Veranstaltungen löschen ({count})</translation>
    </message>
    <message>
        <source>Edit tracks, venues and people</source>
        <translation>Programmbereiche, Orte und Personen bearbeiten</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Programme Planner</source>
        <translation>Programme Planner</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>{file} wird geschrieben …</translation>
    </message>
    <message>
        <source>Printing {name}…</source>
        <translation>„{name}“ wird gedruckt…</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russisch</translation>
    </message>
</context>
<context>
    <name>zones</name>
    <message>
        <source>Moscow</source>
        <translation>Moskau</translation>
    </message>
    <message>
        <source>Berlin</source>
        <translation>Berlin</translation>
    </message>
    <message>
        <source>London</source>
        <translation>London</translation>
    </message>
    <message>
        <source>Vienna</source>
        <translation>Wien</translation>
    </message>
    <message>
        <source>Zurich</source>
        <translation>Zürich</translation>
    </message>
    <message>
        <source>Paris</source>
        <translation>Paris</translation>
    </message>
    <message>
        <source>Warsaw</source>
        <translation>Warschau</translation>
    </message>
    <message>
        <source>Kaliningrad</source>
        <translation>Kaliningrad</translation>
    </message>
    <message>
        <source>Yekaterinburg</source>
        <translation>Jekaterinburg</translation>
    </message>
    <message>
        <source>New York</source>
        <translation>New York</translation>
    </message>
    <message>
        <source>Tokyo</source>
        <translation>Tokio</translation>
    </message>
</context>
</TS>
