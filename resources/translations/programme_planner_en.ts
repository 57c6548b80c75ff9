<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
        <source>%n event(s) · {saved}</source>
        <translation>
            <numerusform>%n event · {saved}</numerusform>
            <numerusform>%n events · {saved}</numerusform>
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
</TS>
