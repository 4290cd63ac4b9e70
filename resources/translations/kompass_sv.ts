<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
<context>
    <name>ConflictsDialog</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/exchange_ui.py" line="+221"/>
        <source>%n poster har ändrats olika i båda filerna</source>
        <translation>
            <numerusform>%n post har ändrats olika i båda filerna</numerusform>
            <numerusform>%n poster har ändrats olika i båda filerna</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/coverage_page.py" line="+123"/>
        <source>%n delfrågor har varningar</source>
        <translation>
            <numerusform>%n delfråga har varningar</numerusform>
            <numerusform>%n delfrågor har varningar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n saknar anteckningar</source>
        <translation>
            <numerusform>%n saknar anteckningar</numerusform>
            <numerusform>%n saknar anteckningar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n har poäng utan underlag</source>
        <translation>
            <numerusform>%n har poäng utan underlag</numerusform>
            <numerusform>%n har poäng utan underlag</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvaluationController</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/controller.py" line="+391"/>
        <source>{0} och %n anteckningar</source>
        <translation>
            <numerusform>{0} och %n anteckning</numerusform>
            <numerusform>{0} och %n anteckningar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileNotices</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/file_notices.py" line="+36"/>
        <source>⚠ %n anmärkningar om filen</source>
        <translation>
            <numerusform>⚠ %n anmärkning om filen</numerusform>
            <numerusform>⚠ %n anmärkningar om filen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingColumn</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/findings.py" line="+167"/>
        <source>%n kopplade anteckningar</source>
        <translation>
            <numerusform>%n kopplad anteckning</numerusform>
            <numerusform>%n kopplade anteckningar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/mainwindow.py" line="+234"/>
        <source>Det finns %n säkerhetskopior. Vill du öppna den senaste ({0})?</source>
        <translation>
            <numerusform>Det finns %n säkerhetskopia. Vill du öppna den ({0})?</numerusform>
            <numerusform>Det finns %n säkerhetskopior. Vill du öppna den senaste ({0})?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeCounts</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/exchange_ui.py" line="-46"/>
        <source>%n nya poster</source>
        <translation>
            <numerusform>%n ny post</numerusform>
            <numerusform>%n nya poster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n ändrade poster</source>
        <translation>
            <numerusform>%n ändrad post</numerusform>
            <numerusform>%n ändrade poster</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NavigationPanel</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/nav.py" line="+136"/>
        <location line="+12"/>
        <source>%n anteckningar</source>
        <translation>
            <numerusform>%n anteckning</numerusform>
            <numerusform>%n anteckningar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-11"/>
        <source>%n iakttagelser</source>
        <translation>
            <numerusform>%n iakttagelse</numerusform>
            <numerusform>%n iakttagelser</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesList</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/notes_list.py" line="+112"/>
        <source>Anteckningen stöder %n iakttagelser:</source>
        <translation>
            <numerusform>Anteckningen stöder %n iakttagelse:</numerusform>
            <numerusform>Anteckningen stöder %n iakttagelser:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Ta bort anteckningen och %n kopplingar</source>
        <translation>
            <numerusform>Ta bort anteckningen och %n koppling</numerusform>
            <numerusform>Ta bort anteckningen och %n kopplingar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/registers.py" line="+378"/>
        <source>Intervjun ”{0}” är källa till %n anteckningar.</source>
        <translation>
            <numerusform>Intervjun ”{0}” är källa till %n anteckning.</numerusform>
            <numerusform>Intervjun ”{0}” är källa till %n anteckningar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ta bort intervjun och %n anteckningar</source>
        <translation>
            <numerusform>Ta bort intervjun och %n anteckning</numerusform>
            <numerusform>Ta bort intervjun och %n anteckningar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Dokumentet ”{0}” är källa till %n anteckningar.</source>
        <translation>
            <numerusform>Dokumentet ”{0}” är källa till %n anteckning.</numerusform>
            <numerusform>Dokumentet ”{0}” är källa till %n anteckningar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ta bort dokumentet och %n anteckningar</source>
        <translation>
            <numerusform>Ta bort dokumentet och %n anteckning</numerusform>
            <numerusform>Ta bort dokumentet och %n anteckningar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Webbkällan ”{0}” är källa till %n anteckningar.</source>
        <translation>
            <numerusform>Webbkällan ”{0}” är källa till %n anteckning.</numerusform>
            <numerusform>Webbkällan ”{0}” är källa till %n anteckningar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ta bort webbkällan och %n anteckningar</source>
        <translation>
            <numerusform>Ta bort webbkällan och %n anteckning</numerusform>
            <numerusform>Ta bort webbkällan och %n anteckningar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/search_page.py" line="+83"/>
        <source>%n träffar</source>
        <translation>
            <numerusform>%n träff</numerusform>
            <numerusform>%n träffar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ExcerptWording</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/formatting.py" line="+43"/>
        <source>… (%n tecken till)</source>
        <translation>
            <numerusform>… (%n tecken till)</numerusform>
            <numerusform>… (%n tecken till)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_TeamWording</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/wording.py" line="+208"/>
        <source>Samstämmighet från början: {0} av %n delfrågor med flera bedömningar lika ({1}), medelavvikelse {2} poäng, {3} med stor skillnad.</source>
        <translation>
            <numerusform>Samstämmighet från början: {0} av %n delfråga med flera bedömningar lika ({1}), medelavvikelse {2} poäng, {3} med stor skillnad.</numerusform>
            <numerusform>Samstämmighet från början: {0} av %n delfrågor med flera bedömningar lika ({1}), medelavvikelse {2} poäng, {3} med stor skillnad.</numerusform>
        </translation>
    </message>
</context>
</TS>
