<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ClashPanel</name>
    <message numerus="yes">
        <source>%n clash(es): click one to show its events.</source>
        <translation>
            <numerusform>%n clash: click it to show its events.</numerusform>
            <numerusform>%n clashes: click one to show its events.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventActions</name>
    <message numerus="yes">
        <source>%n event(s) copied</source>
        <translation>
            <numerusform>%n event copied</numerusform>
            <numerusform>%n events copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n event(s)</source>
        <translation>
            <numerusform>Paste %n event</numerusform>
            <numerusform>Paste %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) pasted at the time copied, {when}, and selected</source>
        <translation>
            <numerusform>%n event pasted at the time copied, {when}, and selected</numerusform>
            <numerusform>%n events pasted at the times copied (the first {when}) and selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n event(s)</source>
        <translation>
            <numerusform>Duplicate %n event</numerusform>
            <numerusform>Duplicate %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n event(s)</source>
        <translation>
            <numerusform>Restore %n event</numerusform>
            <numerusform>Restore %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n event(s)</source>
        <translation>
            <numerusform>Cancel %n event</numerusform>
            <numerusform>Cancel %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n event(s)</source>
        <translation>
            <numerusform>Move %n event</numerusform>
            <numerusform>Move %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the length of %n event(s)</source>
        <translation>
            <numerusform>Change the length of %n event</numerusform>
            <numerusform>Change the length of %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n event(s) will be written</source>
        <translation>
            <numerusform>%n event will be written</numerusform>
            <numerusform>%n events will be written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> to %n file(s)</source>
        <translation>
            <numerusform> to %n file</numerusform>
            <numerusform> to %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unscheduled event(s) have no time yet and are left out</source>
        <translation>
            <numerusform>%n unscheduled event has no time yet and is left out</numerusform>
            <numerusform>%n unscheduled events have no time yet and are left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clash(es) among starred events:</source>
        <translation>
            <numerusform>%n clash among starred events:</numerusform>
            <numerusform>%n clashes among starred events:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>“{name}” (%n event(s)) was not saved when its window closed on {when}. Open it?</source>
        <translation>
            <numerusform>“{name}” (%n event) was not saved when its window closed on {when}. Open it?</numerusform>
            <numerusform>“{name}” (%n events) was not saved when its window closed on {when}. Open it?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyProgramme</name>
    <message numerus="yes">
        <source>Printed %n page(s)</source>
        <translation>
            <numerusform>Printed %n page</numerusform>
            <numerusform>Printed %n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Releases</name>
    <message numerus="yes">
        <source>%n change(s) to tell; double-click one to see the event</source>
        <translation>
            <numerusform>%n change to tell; double-click it to see the event</numerusform>
            <numerusform>%n changes to tell; double-click one to see the event</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) since release “{name}”.</source>
        <translation>
            <numerusform>%n change since release “{name}”.</numerusform>
            <numerusform>%n changes since release “{name}”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReleasesModel</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Scheduling</name>
    <message numerus="yes">
        <source>Unschedule %n event(s)</source>
        <translation>
            <numerusform>Unschedule %n event</numerusform>
            <numerusform>Unschedule %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A plan without clashes: %n change(s). Apply it as one step, or discard it.</source>
        <translation>
            <numerusform>A plan without clashes: %n change. Apply it as one step, or discard it.</numerusform>
            <numerusform>A plan without clashes: %n changes. Apply it as one step, or discard it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Schedule %n event(s)</source>
        <translation>
            <numerusform>Schedule %n event</numerusform>
            <numerusform>Schedule %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Settle %n sync conflict(s)</source>
        <translation>
            <numerusform>Settle %n sync conflict</numerusform>
            <numerusform>Settle %n sync conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnscheduledPanel</name>
    <message numerus="yes">
        <source>%n event(s) without a time</source>
        <translation>
            <numerusform>%n event without a time</numerusform>
            <numerusform>%n events without a time</numerusform>
        </translation>
    </message>
</context>
</TS>
