<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Lectern::BatchScoring</name>
    <message numerus="yes">
        <source>Batch %1 submitted: %2 papers in %n request(s), %3 from the cache</source>
        <translation>
            <numerusform>Batch %1 submitted: %2 papers in %n request, %3 from the cache</numerusform>
            <numerusform>Batch %1 submitted: %2 papers in %n requests, %3 from the cache</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::DayCalendar</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s)</source>
        <translation>
            <numerusform>%n paper</numerusform>
            <numerusform>%n papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n partial</source>
        <translation>
            <numerusform>, %n partial</numerusform>
            <numerusform>, %n partial</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s); the fetch looked incomplete</source>
        <translation>
            <numerusform>%n paper; the fetch looked incomplete</numerusform>
            <numerusform>%n papers; the fetch looked incomplete</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s), %1 scored</source>
        <translation>
            <numerusform>%n paper, %1 scored</numerusform>
            <numerusform>%n papers, %1 scored</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::DayListModel</name>
    <message numerus="yes">
        <source>%n scored</source>
        <translation>
            <numerusform>%n scored</numerusform>
            <numerusform>%n scored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n by followed authors</source>
        <translation>
            <numerusform>%n by followed authors</numerusform>
            <numerusform>%n by followed authors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped by the title pre-filter</source>
        <translation>
            <numerusform>%n dropped by the title pre-filter</numerusform>
            <numerusform>%n dropped by the title pre-filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n below the h-index threshold</source>
        <translation>
            <numerusform>%n below the h-index threshold</numerusform>
            <numerusform>%n below the h-index threshold</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed (no usable score)</source>
        <translation>
            <numerusform>%n failed (no usable score)</numerusform>
            <numerusform>%n failed (no usable score)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not scored yet</source>
        <translation>
            <numerusform>%n not scored yet</numerusform>
            <numerusform>%n not scored yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s)</source>
        <translation>
            <numerusform>%n paper</numerusform>
            <numerusform>%n papers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::ExportDialog</name>
    <message numerus="yes">
        <source>The papers the current &amp;filter shows (%n)</source>
        <translation>
            <numerusform>The paper the current &amp;filter shows (%n)</numerusform>
            <numerusform>The papers the current &amp;filter shows (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::MainWindow</name>
    <message numerus="yes">
        <source>all %n stored day(s)</source>
        <translation>
            <numerusform>the %n stored day</numerusform>
            <numerusform>all %n stored days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::ReaderView</name>
    <message numerus="yes">
        <source>%n note(s) could not be saved (is the disk full?). Keep Lectern open, free some space, and they are saved within seconds; closing now loses them.</source>
        <translation>
            <numerusform>%n note could not be saved (is the disk full?). Keep Lectern open, free some space, and it is saved within seconds; closing now loses it.</numerusform>
            <numerusform>%n notes could not be saved (is the disk full?). Keep Lectern open, free some space, and they are saved within seconds; closing now loses them.</numerusform>
        </translation>
    </message>
</context>
</TS>
