<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AreaPage</name>
    <message>
        <location filename="../../kompass_desktop/gui/area_page.py" line="+191"/>
        <source>Område {0}. {1}</source>
        <translation>Area {0}. {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Områdets poäng</source>
        <translation>Area score</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Allmänt</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visa eller dölj Allmänt</source>
        <translation>Show or hide General</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Allmänt för område {0}</source>
        <translation>General text for area {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standardtexten för området. Ändringar gäller bara denna utvärdering.</source>
        <translation>The standard text for the area. Changes apply to this evaluation only.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Styrkor och förbättringsmöjligheter</source>
        <translation>Strengths and areas for improvement</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Exakt: {0} · {1} av {2} delfrågor bedömda</source>
        <translation>Exact: {0} · {1} of {2} sub-areas assessed</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <location filename="../../kompass_desktop/gui/charts.py" line="+91"/>
        <source>Kopiera som bild</source>
        <extracomment>Copied and saved charts are at least this large (every label readable).</extracomment>
        <translation>Copy as image</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spara som PNG…</source>
        <translation>Save as PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spara som SVG…</source>
        <translation>Save as SVG…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Spara diagram</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Diagrammet sparades inte</source>
        <translation>The chart was not saved</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location line="+355"/>
        <source>Teckenförklaring</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Om jämförelserna</source>
        <translation>About the comparisons</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Medelvärdet är exempeldata, inte verkliga resultat.</source>
        <translation>The average is sample data, not real results.</translation>
    </message>
</context>
<context>
    <name>ChooseSubAreaDialog</name>
    <message>
        <location filename="../../kompass_desktop/gui/dialogs.py" line="+38"/>
        <source>Flytta anteckning</source>
        <translation>Move note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flytta till delfråga:</source>
        <translation>Move to sub-area:</translation>
    </message>
</context>
<context>
    <name>ComparisonsBox</name>
    <message>
        <location filename="../../kompass_desktop/gui/comparisons.py" line="+110"/>
        <source>Jämförelser i diagrammen</source>
        <translation>Comparisons in the charts</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Tidigare utvärderingar</source>
        <translation>Previous evaluations</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lägg till…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Läs in från fil…</source>
        <translation>Load from file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+69"/>
        <source>Nationellt medelvärde</source>
        <translation>National average</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Välj medelvärdesfil…</source>
        <translation>Choose average file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Använd medföljande</source>
        <translation>Use built-in</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0} – totalt {1}</source>
        <translation>{0} – total {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} – version {1} – totalt {2}</source>
        <translation>{0} – version {1} – total {2}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Inget medelvärde för denna version.</source>
        <translation>No average for this version.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vald fil</source>
        <translation>chosen file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>medföljer programmet</source>
        <translation>included with the application</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Tidigare utvärderingsfil</source>
        <translation>Previous evaluation file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Utvärderingar (*.kompass)</source>
        <translation>Evaluations (*.kompass)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Medelvärdesfiler (*.json)</source>
        <translation>Average files (*.json)</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../kompass_desktop/gui/exchange_ui.py" line="+212"/>
        <source>Slå samman – konflikter</source>
        <translation>Merge – conflicts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} tas in. {1}: välj vilket värde som ska gälla. Det andra sparas i historiken.</source>
        <translation>{0} will be taken in. {1}: choose which value applies. The other one is kept in the history.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n poster har ändrats olika i båda filerna</source>
        <translation>
            <numerusform>%n record was changed differently in the two files</numerusform>
            <numerusform>%n records were changed differently in the two files</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Post</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>Din fil</source>
        <translation>Your file</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Behåll</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Behåll för {0}</source>
        <translation>Keep for {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Slå samman</source>
        <translation>Merge</translation>
    </message>
</context>
<context>
    <name>Consensus</name>
    <message>
        <location filename="../../kompass_desktop/gui/consensus_actions.py" line="+70"/>
        <source>De andras poäng visas när du har poängsatt.</source>
        <extracomment>The preference as last read or set (every page asks after every edit; the settings file is read once). Keyed by the settings file, which tests and KOMPASS_DATA_DIR change.</extracomment>
        <translation>The others&apos; scores are shown once you have scored.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Andras poäng: {0}</source>
        <translation>Others&apos; scores: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Överenskommen: {0} ({1})</source>
        <translation>Agreed: {0} ({1})</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Du bedömer nu som {0}.</source>
        <translation>You are now scoring as {0}.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+3"/>
        <source>Överenskommen poäng {0}: {1} → {2}</source>
        <translation>Agreed score {0}: {1} → {2}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sparat: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Motivering {0}</source>
        <translation>Rationale {0}</translation>
    </message>
</context>
<context>
    <name>ConsensusPage</name>
    <message>
        <location filename="../../kompass_desktop/gui/consensus_page.py" line="+44"/>
        <source>Konsensus: var och ens poäng och den överenskomna</source>
        <extracomment>Editable columns (their kind): my own score, my rationale, the agreed score, its reason.</extracomment>
        <translation>Consensus: each evaluator&apos;s score and the agreed one</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Varje utvärderare poängsätter på egen hand. Där poängen skiljer sig är delfrågan öppen tills ni skriver in den överenskomna poängen och skälet. Stor spridning (minst 15 % av maxpoängen) är markerad med !. Störst skillnad först.</source>
        <translation>Each evaluator scores on their own. Where the scores differ the sub-area is open until you enter the agreed score and the reason. A large spread (at least 15 % of the maximum) is marked with !. Largest differences first.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Jag är:</source>
        <translation>I am:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vem som poängsätter</source>
        <translation>Who is scoring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dölj de andras poäng tills jag har poängsatt</source>
        <translation>Hide the others&apos; scores until I have scored</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Område:</source>
        <translation>Area:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Område som visas</source>
        <translation>Area shown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alla områden</source>
        <translation>All areas</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Delfrågor och utvärderarnas poäng</source>
        <translation>Sub-areas and the evaluators&apos; scores</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Delfråga</source>
        <extracomment>Typed but not yet stored (the agreed score waits for its reason, or the reverse).</extracomment>
        <translation>Sub-area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jag ({0})</source>
        <translation>Me ({0})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Överens-
kommen</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Min motivering</source>
        <translation>My rationale</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Spridning</source>
        <translation>Spread</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Läge</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+22"/>
        <source>dolt</source>
        <translation>hidden</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Visas när du har poängsatt.</source>
        <translation>Shown once you have scored.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Gäller nu: {0}</source>
        <translation>Counts now: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>överens från början</source>
        <translation>agreed from the start</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Inte sparad ännu: poäng och skäl sparas tillsammans.</source>
        <translation>Not saved yet: the score and the reason are saved together.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stor spridning: minst 15 % av maxpoängen</source>
        <translation>Large spread: at least 15 % of the maximum</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Överenskommen av {0}, {1}</source>
        <translation>Agreed by {0}, {1}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{0} Skriv skälet i kolumnen Skäl; poängen sparas då.</source>
        <translation>{0} Write the reason in the Reason column; the score is saved then.</translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <location filename="../../kompass_desktop/gui/coverage_page.py" line="+27"/>
        <source>Täckning av underlag</source>
        <translation>Evidence coverage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Antal anteckningar per delfråga och källa. Tomma och ljusa rutor visar var underlaget är tunt. Dubbelklicka för att gå till delfrågan.</source>
        <translation>Number of notes per sub-area and source. Empty and pale cells show where the evidence is thin. Double-click to go to the sub-area.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Täckningsmatris: delfrågor och källor</source>
        <translation>Coverage matrix: sub-areas and sources</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Anteckningar utan källa</source>
        <translation>Notes without a source</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Totalt</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Varningar</source>
        <translation>Warnings</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>%n delfrågor har varningar</source>
        <translation>
            <numerusform>%n sub-area has warnings</numerusform>
            <numerusform>%n sub-areas have warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n saknar anteckningar</source>
        <translation>
            <numerusform>%n has no notes</numerusform>
            <numerusform>%n have no notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n har poäng utan underlag</source>
        <translation>
            <numerusform>%n has a score without evidence</numerusform>
            <numerusform>%n have a score without evidence</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;Anteckningar utan källa ({0})&lt;/b&gt; – dubbelklicka för att öppna anteckningen</source>
        <translation>&lt;b&gt;Notes without a source ({0})&lt;/b&gt; – double-click to open the note</translation>
    </message>
</context>
<context>
    <name>CurrentSource</name>
    <message>
        <location filename="../../kompass_desktop/gui/source_picker.py" line="+66"/>
        <location line="+49"/>
        <source>Välj källa…</source>
        <extracomment>Longer interview titles are cut in the source&apos;s label (the time comes after the title).</extracomment>
        <translation>Choose a source…</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Utan källa</source>
        <translation>No source</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Intervju: {0}</source>
        <translation>Interview: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dokument: {0}</source>
        <translation>Document: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Webb: {0}</source>
        <translation>Web: {0}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>, s. {0}</source>
        <translation>, p. {0}</translation>
    </message>
</context>
<context>
    <name>EarlierDialog</name>
    <message>
        <location filename="../../kompass_desktop/gui/comparisons.py" line="-98"/>
        <source>Tidigare utvärdering</source>
        <translation>Previous evaluation</translation>
    </message>
</context>
<context>
    <name>EarlierPage</name>
    <message>
        <location filename="../../kompass_desktop/gui/welcome.py" line="+167"/>
        <source>Tidigare utvärdering (frivilligt)</source>
        <translation>Previous evaluation (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Poängen per område används i diagrammen. Lämna tomt om det inte finns någon.</source>
        <translation>The scores per area are used in the charts. Leave blank if there is none.</translation>
    </message>
</context>
<context>
    <name>EarlierScoresForm</name>
    <message>
        <location filename="../../kompass_desktop/gui/comparisons.py" line="-46"/>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Område {0}</source>
        <translation>Area {0}</translation>
    </message>
</context>
<context>
    <name>EvaluationController</name>
    <message>
        <location filename="../../kompass_desktop/gui/controller.py" line="+168"/>
        <source>Poäng {0}: {1} → {2}</source>
        <translation>Score {0}: {1} → {2}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sparat: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Ny anteckning</source>
        <translation>New note</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ändra anteckning</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Flytta anteckning till {0}</source>
        <translation>Move note to {0}</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Tog bort {0}. Ctrl+Z ångrar.</source>
        <extracomment>after an undo or redo: (True for undo, what was undone/redone, where it is seen)</extracomment>
        <translation>Deleted {0}. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Text {0}</source>
        <translation>Text {0}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>osorterad</source>
        <translation>unsorted</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+12"/>
        <source>Ta bort anteckning</source>
        <translation>Delete note</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>anteckningen</source>
        <translation>the note</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Ny iakttagelse</source>
        <translation>New finding</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ändra iakttagelse</source>
        <translation>Edit finding</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ta bort iakttagelse</source>
        <translation>Delete finding</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>iakttagelsen</source>
        <translation>the finding</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Koppla anteckning</source>
        <translation>Link note</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Koppla bort anteckning</source>
        <translation>Unlink note</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>kopplingen till anteckningen</source>
        <translation>the link to the note</translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>{0} och %n anteckningar</source>
        <translation>
            <numerusform>{0} and %n note</numerusform>
            <numerusform>{0} and %n notes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+60"/>
        <source>den tidigare utvärderingen</source>
        <translation>the earlier evaluation</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Ändra uppgifter om utvärderingen</source>
        <translation>Edit evaluation details</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ny tidigare utvärdering</source>
        <translation>New previous evaluation</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tidigare utvärdering från fil</source>
        <translation>Previous evaluation from file</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ta bort tidigare utvärdering</source>
        <translation>Delete previous evaluation</translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <location filename="../../kompass_desktop/gui/welcome.py" line="-34"/>
        <source>Utvärderingen</source>
        <translation>The evaluation</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>En utvärderare per rad</source>
        <translation>One evaluator per line</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version av Kommunkompassen</source>
        <translation>Version of Kommunkompassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platsbesöket börjar</source>
        <translation>Site visit starts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platsbesöket slutar</source>
        <translation>Site visit ends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kommunens utvärdering nr</source>
        <translation>Municipality&apos;s evaluation no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utvärderare</source>
        <translation>Evaluators</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../kompass_desktop/gui/exchange_ui.py" line="-205"/>
        <source>Exportera till SKR</source>
        <translation>Export to SKR</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exporten är en .kkx-fil med utvärderingens poäng, texter, iakttagelser, dokument och intervjugrupper. Den kontrolleras efter att den skrivits.</source>
        <translation>The export is a .kkx file with the evaluation&apos;s scores, texts, findings, documents and interview groups. It is verified after it has been written.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ta med personuppgifter</source>
        <translation>Include personal data</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Utan bocken lämnas namnen på intervjupersonerna, anteckningarna från intervjuerna och ändringshistoriken utanför. Välj bara detta när filen ska till en medutvärderare som ska slå samman den med sin fil.</source>
        <translation>If unticked, the names of the interviewees, the interview notes and the change history are left out. Only tick this when the file is going to a co-evaluator who will merge it with their own file.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Försegla för SKR (kryptera med SKR:s publika nyckel)</source>
        <translation>Seal for SKR (encrypt with SKR&apos;s public key)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+22"/>
        <source>SKR:s publika nyckel</source>
        <translation>SKR&apos;s public key</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>SKR:s publika nyckel (.pub)</source>
        <translation>SKR&apos;s public key (.pub)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Välj…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exportfil</source>
        <translation>Export file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spara som…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fil:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Publika nycklar (*.pub)</source>
        <translation>Public keys (*.pub)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exportera till</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exportfiler (*.kkx)</source>
        <translation>Export files (*.kkx)</translation>
    </message>
</context>
<context>
    <name>FileNotices</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/file_notices.py" line="+36"/>
        <source>⚠ %n anmärkningar om filen</source>
        <translation>
            <numerusform>⚠ %n note about the file</numerusform>
            <numerusform>⚠ %n notes about the file</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>Anmärkningar om filen</source>
        <translation>Notes about the file</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Vad som ändrades eller hittades när filen öppnades</source>
        <translation>What was changed or found when the file was opened</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filen är öppen. Läs anmärkningen om filen nere till höger.</source>
        <translation>The file is open. Read the note about the file at the bottom right.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>När filen öppnades hittades detta. Ditt arbete i filen påverkas inte:</source>
        <translation>This was found when the file was opened. Your work in the file is not affected:</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../kompass_desktop/gui/welcome.py" line="+27"/>
        <source>Spara utvärderingsfilen</source>
        <translation>Save the evaluation file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allt du gör sparas direkt i den här filen. Välj en mapp på datorns egen disk.</source>
        <translation>Everything you do is saved straight to this file. Choose a folder on the computer&apos;s own disk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filnamn</source>
        <translation>File name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Välj…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Spara utvärdering</source>
        <translation>Save evaluation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Utvärderingar (*.kompass)</source>
        <translation>Evaluations (*.kompass)</translation>
    </message>
</context>
<context>
    <name>FinalReportDialog</name>
    <message>
        <location filename="../../kompass_desktop/gui/printing.py" line="+161"/>
        <source>Slutlig rapport</source>
        <translation>Final report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jämförelse med ett nationellt medelvärde i diagram och texter:</source>
        <translation>Comparison with a national average in charts and texts:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Med {0}</source>
        <translation>With {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Utan nationellt medelvärde (rapporten jämför bara med tidigare utvärderingar)</source>
        <translation>Without a national average (the report compares only with earlier evaluations)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Medelvärdet är programmets exempeldata och kan inte stå i en slutlig rapport. Ange SKR:s medelvärdesfil på sammanfattningssidan för att jämföra med den.</source>
        <translation>The average is the program&apos;s example data and cannot appear in a final report. Choose SKR&apos;s average file on the summary page to compare with it.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fortsätt…</source>
        <translation>Continue…</translation>
    </message>
</context>
<context>
    <name>FindingColumn</name>
    <message>
        <location filename="../../kompass_desktop/gui/findings.py" line="+102"/>
        <source>Ny punkt – skriv och tryck Enter</source>
        <translation>New point – type and press Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ny punkt under {0}</source>
        <translation>New point under {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+17"/>
        <source>Redigera…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Koppla anteckningar…</source>
        <translation>Link notes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flytta upp</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flytta ned</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Redigera den markerade punkten (F2)</source>
        <translation>Edit the selected point (F2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Koppla…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Koppla anteckningar till den markerade punkten (Ctrl+L)</source>
        <translation>Link notes to the selected point (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flytta upp (Ctrl+↑)</source>
        <translation>Move up (Ctrl+↑)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flytta ned (Ctrl+↓)</source>
        <translation>Move down (Ctrl+↓)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta bort den markerade punkten (Delete)</source>
        <translation>Delete the selected point (Delete)</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>%n kopplade anteckningar</source>
        <translation>
            <numerusform>%n linked note</numerusform>
            <numerusform>%n linked notes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Redigera iakttagelse</source>
        <translation>Edit finding</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Koppla anteckningar</source>
        <translation>Link notes</translation>
    </message>
</context>
<context>
    <name>InfoDialog</name>
    <message>
        <location filename="../../kompass_desktop/gui/info_dialog.py" line="+28"/>
        <source>Uppgifter om kommunen och utvärderingen</source>
        <translation>Municipality and evaluation details</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>t.ex. 31 december 2024</source>
        <translation>e.g. 31 December 2024</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>En uppgift per rad, t.ex.  Kommunvapen: …</source>
        <translation>One fact per line, e.g.  Coat of arms: …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kommungrupp</source>
        <translation>Municipality group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invånare</source>
        <translation>Inhabitants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invånarantalet gäller</source>
        <translation>Number of inhabitants as of</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Antalet anställda gäller</source>
        <translation>Number of employees as of</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Anställda</source>
        <translation>Employees</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Styrande partier</source>
        <translation>Governing parties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utvärdering nr</source>
        <translation>Evaluation no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platsbesöket börjar</source>
        <translation>Site visit starts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platsbesöket slutar</source>
        <translation>Site visit ends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utvärderare (en per rad)</source>
        <translation>Evaluators (one per line)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fler kortfakta</source>
        <translation>More key facts</translation>
    </message>
</context>
<context>
    <name>InterviewPage</name>
    <message>
        <location filename="../../kompass_desktop/gui/interview_mode.py" line="+136"/>
        <source>Källa:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pågående intervju eller annan källa</source>
        <translation>Current interview or other source</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ny intervju…</source>
        <translation>New interview…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skapa en ny intervju (Ctrl+Skift+N)</source>
        <translation>Create a new interview (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delfråga för nya anteckningar</source>
        <translation>Sub-area for new notes</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ny anteckning</source>
        <translation>New note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skriv – Enter sparar, Skift+Enter ny rad</source>
        <translation>Type – Enter saves, Shift+Enter new line</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ctrl+↓/↑ nästa/föregående delfråga · Ctrl+PgDn/PgUp nästa/föregående område · Alt+1…8 område · Alt+0 osorterad · Ctrl+M flytta senaste anteckningen</source>
        <translation>Ctrl+↓/↑ next/previous sub-area · Ctrl+PgDn/PgUp next/previous area · Alt+1…8 area · Alt+0 unsorted · Ctrl+M move the latest note</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Osorterad (välj delfråga senare)</source>
        <translation>Unsorted (choose sub-area later)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Anteckningen sparas utan delfråga och kan flyttas senare.</source>
        <translation>The note is saved without a sub-area and can be moved later.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>osorterad</source>
        <translation>unsorted</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;ingen källa vald&lt;/b&gt; – välj ovan eller med Ctrl+K</source>
        <translation>&lt;b&gt;no source chosen&lt;/b&gt; – choose one above or with Ctrl+K</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sparas till &lt;b&gt;{0}&lt;/b&gt; · {1}</source>
        <translation>Saving to &lt;b&gt;{0}&lt;/b&gt; · {1}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Senaste anteckningar ({0})</source>
        <translation>Recent notes ({0})</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Välj källa för anteckningen först – eller ”Utan källa”. Texten finns kvar.</source>
        <translation>Choose a source for the note first – or “No source”. Your text is kept.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Anteckning sparad {0}</source>
        <translation>Note saved {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Det finns ingen anteckning att flytta.</source>
        <translation>There is no note to move.</translation>
    </message>
</context>
<context>
    <name>LinkNotesDialog</name>
    <message>
        <location filename="../../kompass_desktop/gui/findings.py" line="-189"/>
        <source>Koppla anteckningar till iakttagelsen</source>
        <translation>Link notes to the finding</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Iakttagelse: ”{0}”</source>
        <translation>Finding: “{0}”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kryssa för de anteckningar som stöder iakttagelsen (mellanslag kryssar för den markerade) och tryck OK. En borttagen bock tar bort kopplingen, inte anteckningen.</source>
        <translation>Tick the notes that support the finding (Space ticks the selected one) and press OK. Removing a tick removes the link, not the note.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Området har inga anteckningar ännu. Skriv anteckningar under delfrågorna först.</source>
        <translation>The area has no notes yet. Write notes under its sub-areas first.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Anteckningar i området</source>
        <translation>Notes in the area</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kompass_desktop/gui/mainwindow.py" line="+80"/>
        <source>Diagram</source>
        <extracomment>While editing, a rotating backup is taken this often. The charts beside the pages are never narrower than this (their labels stay readable). Screens up to this size (logical pixels, after the system&apos;s scaling) start maximised.</extracomment>
        <translation>Charts</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Öppna utvärdering</source>
        <translation>Open evaluation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Utvärderingar (*.kompass);;Alla filer (*)</source>
        <translation>Evaluations (*.kompass);;All files (*)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Filen används redan</source>
        <translation>The file is already in use</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Filen ligger i en nätverksmapp</source>
        <translation>The file is in a network folder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kopiera till datorn och öppna…</source>
        <translation>Copy to this computer and open…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Öppna skrivskyddad</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Spara kopian på datorn</source>
        <translation>Save the copy on this computer</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+5"/>
        <source>Filen kunde inte öppnas</source>
        <translation>The file could not be opened</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Spara den återställda kopian som</source>
        <translation>Save the restored copy as</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+37"/>
        <location line="+211"/>
        <source>Utvärderingar (*.kompass)</source>
        <translation>Evaluations (*.kompass)</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>Filen är skrivskyddad</source>
        <translation>The file is write-protected</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>Det finns %n säkerhetskopior. Vill du öppna den senaste ({0})?</source>
        <translation>
            <numerusform>There is %n backup. Do you want to open it ({0})?</numerusform>
            <numerusform>There are %n backups. Do you want to open the latest ({0})?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source> (skrivskyddad)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alla ändringar sparas direkt</source>
        <translation>All changes are saved immediately</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Källa:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Sparat {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Ändringar kunde inte sparas</source>
        <translation>Changes could not be saved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Det du skrev senast kunde inte sparas i filen (se meddelandet). Om du stänger nu går det förlorat. Stänga ändå?</source>
        <translation>What you typed last could not be saved in the file (see the message). If you close now, it will be lost. Close anyway?</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+36"/>
        <source>Utvärderingen kunde inte skapas</source>
        <translation>The evaluation could not be created</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Spara kopia som</source>
        <translation>Save copy as</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kopian sparades: {0}</source>
        <translation>Copy saved: {0}</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Om Kompass Desktop</source>
        <translation>About Kompass Desktop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;Kompass Desktop {0}&lt;/h3&gt;&lt;p&gt;Arbetsverktyg för utvärderingar med Kommunkompassen.&lt;/p&gt;&lt;p&gt;Fungerar helt utan nätverk. Allt sparas direkt i utvärderingsfilen.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kompass Desktop {0}&lt;/h3&gt;&lt;p&gt;A workbench for Kommunkompassen evaluations.&lt;/p&gt;&lt;p&gt;Works entirely without a network. Everything is saved straight to the evaluation file.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Språket ändras nästa gång programmet startar.</source>
        <translation>The language will change the next time the application starts.</translation>
    </message>
</context>
<context>
    <name>MenusMixin</name>
    <message>
        <location filename="../../kompass_desktop/gui/menus.py" line="+52"/>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ny utvärdering…</source>
        <translation>&amp;New evaluation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Öppna…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Senaste</source>
        <translation>Recen&amp;t</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Öppna &amp;demoutvärdering</source>
        <translation>Open &amp;demo evaluation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;para</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spara &amp;kopia som…</source>
        <translation>Save cop&amp;y as…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Exportera till SKR…</source>
        <translation>&amp;Export to SKR…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slå samman med &amp;medutvärderares fil…</source>
        <translation>&amp;Merge with co-evaluator&apos;s file…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Importera SKR-export (.kkx) som ny fil…</source>
        <translation>&amp;Import SKR export (.kkx) as a new file…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skapa slutlig &amp;rapport (PDF)…</source>
        <translation>Create final &amp;report (PDF)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skapa slutlig rapport i &amp;Word…</source>
        <translation>Create final report in &amp;Word…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skriv ut &amp;utkast (märkt UTKAST, inte slutligt)…</source>
        <translation>&amp;Print draft (marked DRAFT, not final)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>S&amp;täng utvärderingen</source>
        <translation>&amp;Close evaluation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Avsluta</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+102"/>
        <source>&amp;Ångra</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+101"/>
        <source>&amp;Gör om</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>&amp;Sök…</source>
        <translation>&amp;Search…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Källa för nya anteckningar…</source>
        <translation>Sour&amp;ce of new notes…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Uppgifter om kommunen och utvärderingen…</source>
        <translation>&amp;Municipality and evaluation details…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Gå till</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sammanfattning</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+55"/>
        <source>Område {0}</source>
        <translation>Area {0}</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Nästa område</source>
        <translation>Next area</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Föregående område</source>
        <translation>Previous area</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Intervjuläge</source>
        <translation>&amp;Interview mode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intervjuer</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Webb och sociala medier</source>
        <translation>Web and social media</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Täckning av underlag</source>
        <translation>Evidence &amp;coverage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Konsensus</source>
        <translation>Co&amp;nsensus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Diagram bredvid</source>
        <translation>&amp;Charts alongside</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Förhandsvisning</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kortkommandon</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Om Kompass Desktop</source>
        <translation>&amp;About Kompass Desktop</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Ångra {0}</source>
        <translation>&amp;Undo {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Gör om {0}</source>
        <translation>&amp;Redo {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ångrade: {0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gjorde om: {0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Allt är redan sparat. Varje ändring sparas direkt i filen.</source>
        <translation>Everything is saved already. Every change is saved in the file at once.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(inga)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>MergeCounts</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/exchange_ui.py" line="+76"/>
        <source>%n nya poster</source>
        <translation>
            <numerusform>%n new record</numerusform>
            <numerusform>%n new records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n ändrade poster</source>
        <translation>
            <numerusform>%n changed record</numerusform>
            <numerusform>%n changed records</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} och {1}</source>
        <translation>{0} and {1}</translation>
    </message>
</context>
<context>
    <name>MunicipalityField</name>
    <message>
        <location filename="../../kompass_desktop/gui/municipality_field.py" line="+37"/>
        <source>Skriv namnet eller kommunkoden, t.ex. Olofström eller 1060</source>
        <translation>Type the name or the municipality code, e.g. Olofström or 1060</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ej i registret (övning/fiktiv)</source>
        <translation>Not in the register (training/fictional)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>För en övning eller en påhittad kommun: namnet används precis som det står (t.ex. ”Lindsjö kommun”) och utvärderingen räknas aldrig i nationella medelvärden.</source>
        <translation>For a training exercise or a made-up municipality: the name is used exactly as written (e.g. “Lindsjö kommun”) and the evaluation never counts in national averages.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Skriv namnet som det ska stå i rapporten, t.ex. ”Lindsjö kommun”.</source>
        <translation>Type the name as the report should show it, e.g. “Lindsjö kommun”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Namnet används som det står; utvärderingen räknas aldrig i nationella medelvärden.</source>
        <translation>The name is used as written; the evaluation never counts in national averages.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} · kommunkod {1} · {2}</source>
        <translation>{0} · municipality code {1} · {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(OK kopplar utvärderingen till kommunregistret)</source>
        <translation>(OK links the evaluation to the register of municipalities)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>”{0}” är inte vald ur kommunregistret. Välj kommunen i listan, eller kryssa i Ej i registret för en övning eller en påhittad kommun.</source>
        <translation>“{0}” was not chosen from the register of municipalities. Choose the municipality in the list, or tick Not in the register for a training exercise or a made-up municipality.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Välj kommunen i listan.</source>
        <translation>Choose the municipality in the list.</translation>
    </message>
</context>
<context>
    <name>MunicipalityPage</name>
    <message>
        <location filename="../../kompass_desktop/gui/welcome.py" line="-102"/>
        <source>Kommunen</source>
        <translation>The municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uppgifterna används i rapportens Kortfakta och kan ändras senare.</source>
        <translation>The details are used in the report&apos;s Key facts and can be changed later.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>t.ex. S och C</source>
        <translation>e.g. S and C</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kommunens namn *</source>
        <translation>Name of municipality *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kommungrupp</source>
        <translation>Municipality group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invånare</source>
        <translation>Inhabitants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anställda</source>
        <translation>Employees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Styrande partier</source>
        <translation>Governing parties</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kommunens namn</source>
        <translation>Name of the municipality</translation>
    </message>
</context>
<context>
    <name>NavigationPanel</name>
    <message>
        <location filename="../../kompass_desktop/gui/nav.py" line="+41"/>
        <source>Totalpoäng</source>
        <extracomment>Work pages below the areas: (key, Swedish label).</extracomment>
        <translation>Total score</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Navigering: områden, delfrågor och arbetssidor</source>
        <translation>Navigation: areas, sub-areas and work pages</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Konsensus</source>
        <translation>Consensus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Underlag</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Intervjuläge</source>
        <translation>Interview mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intervjuer</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webb och sociala medier</source>
        <translation>Web and social media</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Täckning av underlag</source>
        <translation>Evidence coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sök</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Totalt {0} av {1}</source>
        <translation>Total {0} of {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exakt: {0} · {1} av {2} delfrågor bedömda</source>
        <translation>Exact: {0} · {1} of {2} sub-areas assessed</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{0} av {1} delfrågor bedömda</source>
        <translation>{0} of {1} sub-areas assessed</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+12"/>
        <source>%n anteckningar</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-11"/>
        <source>%n iakttagelser</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Poäng utan underlag: inga anteckningar</source>
        <translation>Score without evidence: no notes</translation>
    </message>
</context>
<context>
    <name>NewEvaluationWizard</name>
    <message>
        <location filename="../../kompass_desktop/gui/welcome.py" line="+88"/>
        <source>Ny utvärdering</source>
        <translation>New evaluation</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Välj kommunen i listan.</source>
        <translation>Choose the municipality in the list.</translation>
    </message>
</context>
<context>
    <name>NewInterviewDialog</name>
    <message>
        <location filename="../../kompass_desktop/gui/interview_mode.py" line="-301"/>
        <source>Ny intervju</source>
        <translation>New interview</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>t.ex. Förvaltningschefer</source>
        <translation>e.g. Heads of department</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>t.ex. kommundirektör, ekonomichef</source>
        <translation>e.g. chief executive, finance director</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lämna tomt om namnen inte behövs</source>
        <translation>leave empty unless the names are needed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slut</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Antal deltagare</source>
        <translation>Number of participants</translation>
    </message>
</context>
<context>
    <name>NotesList</name>
    <message>
        <location filename="../../kompass_desktop/gui/notes_list.py" line="+43"/>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redigera…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flytta till delfråga…</source>
        <translation>Move to sub-area…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>osorterad</source>
        <translation>unsorted</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Redigera anteckning</source>
        <translation>Edit note</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Anteckningen stöder %n iakttagelser:</source>
        <translation>
            <numerusform>The note supports %n finding:</numerusform>
            <numerusform>The note supports %n findings:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kopplingarna tas bort tillsammans med anteckningen.</source>
        <translation>The links are deleted together with the note.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ta bort anteckningen och %n kopplingar</source>
        <translation>
            <numerusform>Delete the note and %n link</numerusform>
            <numerusform>Delete the note and %n links</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta bort anteckningen?</source>
        <translation>Delete the note?</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../kompass_desktop/gui/preview_pane.py" line="+171"/>
        <source>Föregående sida</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nästa sida</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zooma ut</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zooma in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anpassa till bredden</source>
        <translation>Fit to width</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>uppdaterar…</source>
        <translation>updating…</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Förhandsvisningen visar rapportens sidor för områdena och sammanfattningen.</source>
        <translation>The preview shows the report&apos;s pages for the areas and the summary.</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Sida {0} av {1}</source>
        <translation>Page {0} of {1}</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Den här texten skrivs inte i ett fält.</source>
        <translation>This text is not written in a field.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../kompass_desktop/gui/registers.py" line="+102"/>
        <source>Välj…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Välj dokument</source>
        <translation>Choose document</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location line="+37"/>
        <source>Intervjuer – besöksschema</source>
        <translation>Interviews – visit schedule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webb och sociala medier</source>
        <translation>Web and social media</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ny…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redigera…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Öppna dokumentet</source>
        <translation>Open document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skriv ut schema…</source>
        <translation>Print schedule…</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+58"/>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+42"/>
        <location line="+16"/>
        <location line="+15"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+54"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Start (TT:MM)</source>
        <translation>Start (HH:MM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slut (TT:MM)</source>
        <translation>End (HH:MM)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Antal deltagare</source>
        <translation>Number of participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plats</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+54"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+31"/>
        <location line="+21"/>
        <location line="+10"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+37"/>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+35"/>
        <source>Beslutad av</source>
        <translation>Adopted by</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Fil på disken</source>
        <translation>File on disk</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <location line="+31"/>
        <source>Webbadress</source>
        <translation>Web address</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roller</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deltagare</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <location line="+7"/>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Fil / webbadress</source>
        <translation>File / web address</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Besökt den</source>
        <translation>Visited on</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Besökt</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Ny post</source>
        <translation>New entry</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Redigera</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ta bort intervjun?</source>
        <translation>Delete the interview?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Intervjun ”{0}” är källa till %n anteckningar.</source>
        <translation>
            <numerusform>The interview “{0}” is the source of %n note.</numerusform>
            <numerusform>The interview “{0}” is the source of %n notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ta bort intervjun och %n anteckningar</source>
        <translation>
            <numerusform>Delete the interview and %n note</numerusform>
            <numerusform>Delete the interview and %n notes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ta bort dokumentet?</source>
        <translation>Delete the document?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Dokumentet ”{0}” är källa till %n anteckningar.</source>
        <translation>
            <numerusform>The document “{0}” is the source of %n note.</numerusform>
            <numerusform>The document “{0}” is the source of %n notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ta bort dokumentet och %n anteckningar</source>
        <translation>
            <numerusform>Delete the document and %n note</numerusform>
            <numerusform>Delete the document and %n notes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ta bort webbkällan?</source>
        <translation>Delete the web source?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Webbkällan ”{0}” är källa till %n anteckningar.</source>
        <translation>
            <numerusform>The web source “{0}” is the source of %n note.</numerusform>
            <numerusform>The web source “{0}” is the source of %n notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ta bort webbkällan och %n anteckningar</source>
        <translation>
            <numerusform>Delete the web source and %n note</numerusform>
            <numerusform>Delete the web source and %n notes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Anteckningarna tas bort tillsammans med källan, och deras kopplingar till styrkor och förbättringsmöjligheter.</source>
        <translation>The notes are deleted together with the source, and so are their links to strengths and areas for improvement.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Filen {0} finns inte på den här datorn.</source>
        <translation>The file {0} does not exist on this computer.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Intervjuschema – {0}</source>
        <translation>Interview schedule – {0}</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../kompass_desktop/gui/search_page.py" line="+22"/>
        <source>Sök</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sök i anteckningar, texter och dokument (å, ä och ö skiljs åt)</source>
        <translation>Search notes, texts and documents (å, ä and ö are distinct)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sökord</source>
        <translation>Search terms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sökresultat</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Anteckning · {0}</source>
        <translation>Note · {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>osorterad</source>
        <translation>unsorted</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text · {0}</source>
        <translation>Text · {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sammanfattning</source>
        <translation>summary</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dokument · {0}</source>
        <translation>Document · {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n träffar</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../kompass_desktop/gui/help.py" line="+141"/>
        <location line="+3"/>
        <source>Kortkommandon</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>SourcePicker</name>
    <message>
        <location filename="../../kompass_desktop/gui/source_picker.py" line="+30"/>
        <source>Källa för nya anteckningar</source>
        <translation>Source for new notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Källan som nya anteckningar får, på alla sidor (Ctrl+K)</source>
        <translation>The source new notes get, on every page (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sida</source>
        <translation>page</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sida i dokumentet</source>
        <translation>Page in the document</translation>
    </message>
</context>
<context>
    <name>SubAreaCard</name>
    <message>
        <location filename="../../kompass_desktop/gui/area_page.py" line="-228"/>
        <source>Poäng</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Poäng för {0}</source>
        <translation>Score for {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0–{0}, decimaler tillåtna. Enter sparar, Esc ångrar, ↑/↓ ±1.</source>
        <translation>0–{0}, decimals allowed. Enter saves, Esc reverts, ↑/↓ ±1.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Vägledande frågor för {0}</source>
        <translation>Guiding questions for {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bedömning för {0} – texten till rapporten…</source>
        <translation>Assessment for {0} – the text for the report…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text för {0}</source>
        <translation>Text for {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ny anteckning till {0}</source>
        <translation>New note for {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>välj källa först (Ctrl+K)</source>
        <translation>choose a source first (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ny anteckning till {0} · {1} – Enter sparar</source>
        <translation>New note for {0} · {1} – Enter saves</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Poängen sparades inte: {0}</source>
        <translation>The score was not saved: {0}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Välj källa för anteckningen först – eller ”Utan källa”. Texten finns kvar.</source>
        <translation>Choose a source for the note first – or “No source”. Your text is kept.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Anteckningar ({0})</source>
        <translation>Notes ({0})</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../kompass_desktop/gui/summary_page.py" line="+60"/>
        <source>Kommun</source>
        <extracomment>The charts beside the table (total, bars and profile side by side, their notes).</extracomment>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Totalpoäng</source>
        <translation>Total score</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Samstämmighet mellan utvärderarna</source>
        <translation>Agreement between the evaluators</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Poäng per område</source>
        <translation>Score per area</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Område {0}</source>
        <translation>Area {0}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sammanfattande kommentarer</source>
        <translation>Summary comments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Helhetsbedömningen: totalresultat, jämförelser, det viktigaste…</source>
        <translation>The overall assessment: total result, comparisons, the key points…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starkare områden</source>
        <translation>Stronger areas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Områden där kommunen är stark…</source>
        <translation>Areas where the municipality is strong…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Svagare områden</source>
        <translation>Weaker areas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Områden med störst förbättringsbehov…</source>
        <translation>Areas most in need of improvement…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Jämförelser (kapitel 2)</source>
        <translation>Comparisons (chapter 2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tomt: rapporten skriver versionens standardtext och vad som inte kan jämföras…</source>
        <translation>Empty: the report prints the version’s standard text and what cannot be compared…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Att göra innan rapporten är klar</source>
        <translation>To do before the report is ready</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Öppna punkter</source>
        <translation>Open items</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>&lt;h1&gt;{0} av {1} poäng&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;{0} of {1} points&lt;/h1&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exakt {0}; {1} av {2} delfrågor bedömda</source>
        <translation>Exact {0}; {1} of {2} sub-areas assessed</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Krävs för slutlig rapport</source>
        <translation>Required for the final report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Varning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inget saknas – rapporten kan skapas.</source>
        <translation>Nothing is missing – the report can be created.</translation>
    </message>
</context>
<context>
    <name>WelcomeWidget</name>
    <message>
        <location filename="../../kompass_desktop/gui/welcome.py" line="-175"/>
        <source>Kompass Desktop</source>
        <translation>Kompass Desktop</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Arbetsverktyget för utvärderingar med Kommunkompassen. Allt sparas direkt i utvärderingsfilen – det finns ingen Spara-knapp att glömma.</source>
        <translation>The workbench for Kommunkompassen evaluations. Everything is saved straight to the evaluation file – there is no Save button to forget.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ny utvärdering…</source>
        <translation>New evaluation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Öppna…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Öppna demoutvärdering</source>
        <translation>Open demo evaluation</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Senaste filer</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Filen finns inte längre här</source>
        <translation>The file is no longer here</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inga öppnade filer ännu.</source>
        <translation>No files opened yet.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../kompass_desktop/gui/workspace.py" line="+270"/>
        <source>Källa enligt besöksschemat: {0}</source>
        <extracomment>How long the outline around an undone/redone change stays. How often the current source follows the visit schedule (ms).</extracomment>
        <translation>Source according to the visit schedule: {0}</translation>
    </message>
</context>
<context>
    <name>_ExcerptWording</name>
    <message numerus="yes">
        <location filename="../../kompass_desktop/gui/formatting.py" line="+43"/>
        <source>… (%n tecken till)</source>
        <translation>
            <numerusform>… (%n more character)</numerusform>
            <numerusform>… (%n more characters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_TeamWording</name>
    <message>
        <location filename="../../kompass_desktop/gui/wording.py" line="+205"/>
        <source>Samstämmighet: ingen delfråga har bedömts av fler än en utvärderare än.</source>
        <translation>Agreement: no sub-area has been assessed by more than one evaluator yet.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Samstämmighet från början: {0} av %n delfrågor med flera bedömningar lika ({1}), medelavvikelse {2} poäng, {3} med stor skillnad.</source>
        <translation>
            <numerusform>Agreement from the start: {0} of %n sub-area with several assessments equal ({1}), mean difference {2} points, {3} with a large difference.</numerusform>
            <numerusform>Agreement from the start: {0} of %n sub-areas with several assessments equal ({1}), mean difference {2} points, {3} with a large difference.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <location filename="../../kompass_desktop/gui/charts.py" line="-387"/>
        <source>Poäng per område</source>
        <translation>Score per area</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Totalpoäng</source>
        <translation>Total score</translation>
    </message>
    <message>
        <location line="+40"/>
        <source> (annan version)</source>
        <translation> (different version)</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <location filename="../../kompass_desktop/gui/controller.py" line="+13"/>
        <source>Allmänt {0}</source>
        <translation>General {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>område {0}</source>
        <translation>area {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sammanfattande kommentarer</source>
        <translation>Summary comments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starkare områden</source>
        <translation>Stronger areas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Svagare områden</source>
        <translation>Weaker areas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jämförelser</source>
        <translation>Comparisons</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ny intervju</source>
        <translation>New interview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ändra intervju</source>
        <translation>Edit interview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta bort intervju</source>
        <translation>Delete interview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intervjun</source>
        <translation>the interview</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nytt dokument</source>
        <translation>New document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ändra dokument</source>
        <translation>Edit document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta bort dokument</source>
        <translation>Delete document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dokumentet</source>
        <translation>the document</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ny webbkälla</source>
        <translation>New web source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ändra webbkälla</source>
        <translation>Edit web source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta bort webbkälla</source>
        <translation>Delete web source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>webbkällan</source>
        <translation>the web source</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ny tidigare utvärdering</source>
        <translation>New earlier evaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ändra tidigare utvärdering</source>
        <translation>Edit earlier evaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta bort tidigare utvärdering</source>
        <translation>Delete earlier evaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>den tidigare utvärderingen</source>
        <translation>the earlier evaluation</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../kompass_desktop/gui/dialogs.py" line="-13"/>
        <source>Osorterad (ingen delfråga)</source>
        <translation>Unsorted (no sub-area)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delfråga</source>
        <translation>Sub-area</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Du kan ångra med Ctrl+Z.</source>
        <translation>You can undo this with Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>exchange</name>
    <message>
        <location filename="../../kompass_desktop/gui/exchange_ui.py" line="-62"/>
        <source>Välj SKR:s publika nyckel för att försegla exporten.</source>
        <translation>Choose SKR&apos;s public key to seal the export.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exporten misslyckades</source>
        <translation>The export failed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> Den är förseglad för SKR.</source>
        <translation> It is sealed for SKR.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporten är klar</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporten sparades och kontrollerades: {0}.{1}</source>
        <translation>The export was saved and verified: {0}.{1}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Importera export</source>
        <translation>Import export</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exportfiler (*.kkx)</source>
        <translation>Export files (*.kkx)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spara som utvärderingsfil</source>
        <translation>Save as evaluation file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Utvärderingar (*.kompass)</source>
        <translation>Evaluations (*.kompass)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importen misslyckades</source>
        <translation>The import failed</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Slå samman med medutvärderares fil</source>
        <translation>Merge with co-evaluator&apos;s file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Utvärderingar och exporter (*.kompass *.kkx)</source>
        <translation>Evaluations and exports (*.kompass *.kkx)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filerna kan inte slås samman</source>
        <translation>The files cannot be merged</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <source>Slå samman</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>{0} innehåller inget nytt.</source>
        <translation>{0} contains nothing new.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{0} från {1} tas in. En säkerhetskopia görs först. Fortsätta?</source>
        <translation>{0} from {1} will be taken in. A backup is made first. Continue?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sammanslagningen misslyckades</source>
        <translation>The merge failed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sammanslaget</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Klart. En säkerhetskopia av filen före sammanslagningen finns i {0}.</source>
        <translation>Done. A backup of the file from before the merge is in {0}.</translation>
    </message>
</context>
<context>
    <name>file_notices</name>
    <message>
        <location filename="../../kompass_desktop/gui/file_notices.py" line="+22"/>
        <source>Filen är stängd – ändringarna är sparade</source>
        <translation>The file is closed – the changes are saved</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../kompass_desktop/gui/formatting.py" line="+33"/>
        <source>, s. {0}</source>
        <translation>, p. {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>utan källa</source>
        <translation>no source</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <location filename="../../kompass_desktop/gui/help.py" line="-130"/>
        <source>Ny utvärdering / Öppna</source>
        <translation>New evaluation / Open</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spara (allt är redan sparat: varje ändring sparas direkt)</source>
        <translation>Save (everything is saved already: every change is saved at once)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exportera till SKR</source>
        <translation>Export to SKR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Skift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skapa slutlig rapport (PDF)</source>
        <translation>Create final report (PDF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skriv ut utkast (märkt UTKAST, inte slutligt)</source>
        <translation>Print draft (marked DRAFT, not final)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stäng utvärderingen</source>
        <translation>Close the evaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Z / Ctrl+Skift+Z, Ctrl+Y</source>
        <translation>Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sök (Enter i en träff öppnar anteckningen eller texten)</source>
        <translation>Search (Enter on a hit opens the note or the text)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Källa för nya anteckningar</source>
        <translation>Source for new notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Skift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uppgifter om kommunen och utvärderingen</source>
        <translation>Municipality and evaluation details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Område 1–8</source>
        <translation>Area 1–8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nästa / föregående område</source>
        <translation>Next / previous area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intervjuläge</source>
        <translation>Interview mode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Skift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intervjuer</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Skift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Skift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webb och sociala medier</source>
        <translation>Web and social media</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Skift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Täckning av underlag</source>
        <translation>Evidence coverage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Skift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Konsensus: var och ens poäng och den överenskomna</source>
        <translation>Consensus: each evaluator&apos;s score and the agreed one</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kortkommandon</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter (intervjuläge)</source>
        <translation>Enter (interview mode)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spara anteckningen</source>
        <translation>Save the note</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ny rad i anteckningen</source>
        <translation>New line in the note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nästa / föregående delfråga (intervjuläge)</source>
        <translation>Next / previous sub-area (interview mode)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hoppa till område / osorterad (intervjuläge)</source>
        <translation>Jump to area / unsorted (interview mode)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Skift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ny intervju (intervjuläge)</source>
        <translation>New interview (interview mode)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Flytta anteckning till annan delfråga (i en lista: den markerade; i intervjulägets inmatning: den senast sparade)</source>
        <translation>Move a note to another sub-area (in a list: the selected one; in the interview input: the one just saved)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Redigera / ta bort markerad anteckning, iakttagelse eller post i en förteckning (även knappar vid listan)</source>
        <translation>Edit / delete the selected note, finding or register entry (also buttons by the list)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ny post i förteckningen (intervjuer, dokument, webb)</source>
        <translation>New entry in the register (interviews, documents, web)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Öppna det markerade dokumentet (dokumentförteckningen)</source>
        <translation>Open the selected document (documents register)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Koppla anteckningar till markerad iakttagelse (knappen Koppla…)</source>
        <translation>Link notes to the selected finding (the Link… button)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Flytta markerad iakttagelse upp / ned (knapparna ↑ ↓)</source>
        <translation>Move the selected finding up / down (the ↑ ↓ buttons)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>↑ / ↓ (poängfält)</source>
        <translation>↑ / ↓ (score field)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Öka / minska poängen med 1</source>
        <translation>Increase / decrease the score by 1</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Ångra / gör om</source>
        <translation>Undo / redo</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Visa diagram bredvid</source>
        <translation>Show charts alongside</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Skift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Förhandsvisning av rapportsidan bredvid</source>
        <translation>Preview of the report page beside</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Ctrl+Skift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spara kopia som</source>
        <translation>Save copy as</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../kompass_desktop/gui/main.py" line="+53"/>
        <source>Ett oväntat fel inträffade: {0}
Inget av det du sparat har gått förlorat. Detaljer: {1}</source>
        <translation>An unexpected error occurred: {0}
Nothing you have saved has been lost. Details: {1}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../kompass_desktop/gui/_core_messages.py" line="+17"/>
        <source>$.counts: antalet poster stämmer inte ({tables})</source>
        <translation>$.counts: the number of records does not match ({tables})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.framework.data.id: ”{id}” stämmer inte med $.framework.id ”{fw_id}”</source>
        <translation>$.framework.data.id: “{id}” does not match $.framework.id “{fw_id}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.framework.id: okänd version av Kommunkompassen ”{fw_id}” (denna version känner till {known}).</source>
        <translation>$.framework.id: unknown version of the Kommunkompassen “{fw_id}” (this version knows {known}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.history: historik finns med fast filen säger att personuppgifter saknas</source>
        <translation>$.history: history is included although the file says it holds no personal data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>$.records.evaluation: ska innehålla exakt en post med id {eid}</source>
        <translation>$.records.evaluation: must contain exactly one record with id {eid}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.records.evaluation[0].framework_id: ”{found}” ≠ ”{fw_id}”</source>
        <translation>$.records.evaluation[0].framework_id: “{found}” ≠ “{fw_id}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.records.finding_notes[{i}].finding_id: iakttagelsen finns inte i exporten</source>
        <translation>$.records.finding_notes[{i}].finding_id: the finding is not in the export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.records.finding_notes[{i}].note_id: anteckningen finns inte i exporten</source>
        <translation>$.records.finding_notes[{i}].note_id: the note is not in the export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.records.findings[{i}].area: område {area} finns inte</source>
        <translation>$.records.findings[{i}].area: area {area} does not exist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.records.findings[{i}].kind: ”{kind}” används inte i {fw}</source>
        <translation>$.records.findings[{i}].kind: “{kind}” is not used in {fw}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.records.interviews[{i}].names: namn finns med fast filen säger att personuppgifter saknas</source>
        <translation>$.records.interviews[{i}].names: names are included although the file says it holds no personal data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.records.notes[{i}].subarea: delfrågan {sub} finns inte i {fw}</source>
        <translation>$.records.notes[{i}].subarea: sub-area {sub} does not exist in {fw}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.records.notes[{i}].{key}: posten {id} finns inte i exporten</source>
        <translation>$.records.notes[{i}].{key}: the record {id} is not in the export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.records.notes[{i}]: intervjuanteckning finns med fast filen säger att personuppgifter saknas</source>
        <translation>$.records.notes[{i}]: an interview note is included although the file says it holds no personal data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$.records.{table}[{i}].id: id stämmer inte med postens nyckel ({key})</source>
        <translation>$.records.{table}[{i}].id: the id does not match the record&apos;s key ({key})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ange en kommun: namn eller kommunkod (t.ex. 1060).</source>
        <translation>Enter a municipality: name or municipality code (e.g. 1060).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ange ett namn för den fiktiva kommunen eller övningen.</source>
        <translation>Enter a name for the fictitious municipality or exercise.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ange intervjugrupp.</source>
        <translation>Enter the interview group.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ange kommunens namn.</source>
        <translation>Enter the municipality&apos;s name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ange vem som bedömer.</source>
        <translation>Enter who is assessing.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ange året för den tidigare utvärderingen.</source>
        <translation>Enter the year of the earlier evaluation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Antal deltagare</source>
        <translation>Number of participants</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Anteckningen finns inte (den kan ha tagits bort).</source>
        <translation>The note does not exist (it may have been deleted).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anteckningen som ska länkas finns inte.</source>
        <translation>The note to be linked does not exist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anteckningen är tom.</source>
        <translation>The note is empty.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV-filen har en rubrikrad som inte går att tolka.</source>
        <translation>The CSV file has a header row that cannot be read.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV-filen har ett fält som är längre än {limit} kB (rad {line}); det är ingen poängfil (eller ett citattecken saknar sitt slut).</source>
        <translation>The CSV file has a field longer than {limit} kB (line {line}); it is not a score file (or a quotation mark is never closed).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV-filen har {problems} fel; inga poäng har ändrats.</source>
        <translation>The CSV file has {problems} errors; no scores were changed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV-filen innehåller binära data och är inte en textfil.</source>
        <translation>The CSV file contains binary data and is not a text file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV-filen innehåller inga poängrader.</source>
        <translation>The CSV file contains no score rows.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV-filen kan inte läsas (rad {line}: {err}).</source>
        <translation>The CSV file cannot be read (line {line}: {err}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV-filen är tom.</source>
        <translation>The CSV file is empty.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV-filen är varken UTF-8 eller Windows-1252 (cp1252) och kan inte läsas.</source>
        <translation>The CSV file is neither UTF-8 nor Windows-1252 (cp1252) and cannot be read.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datum sett</source>
        <translation>Date seen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delfråga {number}: poängen kan inte vara negativ ({points}).</source>
        <translation>Sub-area {number}: the score cannot be negative ({points}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delfråga {number}: utvärderarnas poäng skiljer sig ({scores}); ange skälet till den överenskomna poängen.</source>
        <translation>Sub-area {number}: the evaluators&apos; scores differ ({scores}); give the reason for the agreed score.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delfråga {number}: {points} är över maxpoängen {max}.</source>
        <translation>Sub-area {number}: {points} is above the maximum score of {max}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delfråga {subarea}: utvärderarnas poäng är {scores}; ange skälet till att ni enas om en annan poäng.</source>
        <translation>Sub-area {subarea}: the evaluators&apos; scores are {scores}; give the reason for agreeing on another score.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delfrågan {number} finns inte i {name}.</source>
        <translation>Sub-area {number} does not exist in {name}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demoinnehållet {path} kan inte läsas: {err}</source>
        <translation>The demo content {path} cannot be read: {err}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Den slutliga rapporten kan inte skapas: {n} uppgift saknas (ett utkast visar allt som återstår):</source>
        <translation>The final report cannot be created: {n} item is missing (a draft shows everything that remains):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Den slutliga rapporten kan inte skapas: {n} uppgifter saknas (ett utkast visar allt som återstår):</source>
        <translation>The final report cannot be created: {n} items are missing (a draft shows everything that remains):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Det finns ingen kommun med koden {code} i kommunregistret.</source>
        <translation>There is no municipality with the code {code} in the municipality register.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Det finns ingen kommun med koden {text}.</source>
        <translation>There is no municipality with the code {text}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Det finns ingen kommun som heter ”{text}”.{hint}</source>
        <translation>There is no municipality called “{text}”.{hint}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Det är samma utvärdering som den som är öppen.</source>
        <translation>It is the same evaluation as the one that is open.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disken är full: låsfilen för {name} kunde inte skrivas i {parent}. Frigör utrymme och försök igen.</source>
        <translation>The disk is full: the lock file for {name} could not be written in {parent}. Free some space and try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disken är full; ändringen kunde inte sparas i {name}. Frigör utrymme och försök igen.</source>
        <translation>The disk is full; the change could not be saved in {name}. Free some space and try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dokumentet måste ha en titel.</source>
        <translation>The document must have a title.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Du saknar behörighet att läsa {path}.</source>
        <translation>You do not have permission to read {path}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>En kommun ur kommunregistret kan inte samtidigt vara fiktiv eller en övning.</source>
        <translation>A municipality from the municipality register cannot also be fictitious or an exercise.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporten kunde inte verifieras och sparades inte: antalet poster skiljer sig från utvärderingsfilen ({differing}).</source>
        <translation>The export could not be verified and was not saved: the number of records differs from the evaluation file ({differing}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporten kunde inte verifieras och sparades inte: innehållet skiljer sig.</source>
        <translation>The export could not be verified and was not saved: the contents differ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporten kunde inte verifieras och sparades inte: {err}</source>
        <translation>The export could not be verified and was not saved: {err}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filen kunde inte öppnas i WAL-läge (ligger den på en nätverksenhet?).</source>
        <translation>The file could not be opened in WAL mode (is it on a network drive?).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filen {path} finns inte.</source>
        <translation>The file {path} does not exist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filen {path} kan inte läsas: {err}.</source>
        <translation>The file {path} cannot be read: {err}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filnamnet {name}… är för långt ({size} byte): Kompass Desktop behöver plats för ”{LONGEST_SIDECAR}” efter namnet. Byt namn på filen till högst {room} byte och försök igen.</source>
        <translation>The file name {name}… is too long ({size} bytes): Kompass Desktop needs room for “{LONGEST_SIDECAR}” after the name. Rename the file to at most {room} bytes and try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Huvudet i den förseglade filen blev för långt.</source>
        <translation>The header of the sealed file became too long.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Huvudfilen har ändrats sedan sammanslagningen planerades; planera om.</source>
        <translation>The main file has changed since the merge was planned; plan it again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Iakttagelsen finns inte (den kan ha tagits bort).</source>
        <translation>The finding does not exist (it may have been deleted).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iakttagelsen är tom.</source>
        <translation>The finding is empty.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importen kunde inte verifieras ({problems} skiljer sig); {name} skapades inte.</source>
        <translation>The import could not be verified ({problems} differ); {name} was not created.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inga fullständiga utvärderingar hittades ({skipped} hoppades över); ingen fil skrevs.</source>
        <translation>No complete evaluations were found ({skipped} skipped); no file was written.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inga ramverksfiler hittades i {folder}.</source>
        <translation>No framework files were found in {folder}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kommunen i kommunregistret heter {name}; välj en annan kommun ur registret eller ange att den inte finns där.</source>
        <translation>The municipality in the municipality register is called {name}; choose another municipality from the register or state that it is not listed there.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kommunregistret har två kommuner med samma kod.</source>
        <translation>The municipality register has two municipalities with the same code.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kommunregistret: kommunkod {code} hör inte till län {county_code}.</source>
        <translation>Municipality register: municipality code {code} does not belong to county {county_code}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kommunregistret: länet för {code} ({row}) stämmer inte.</source>
        <translation>Municipality register: the county of {code} ({row}) is wrong.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kompass Desktop använder inte nätverket ({name})</source>
        <translation>Kompass Desktop does not use the network ({name})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Låsfilen för {name} kunde inte skrivas i {parent} ({err}).</source>
        <translation>The lock file for {name} could not be written in {parent} ({err}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mappen {folder} finns inte.</source>
        <translation>The folder {folder} does not exist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mappen {folder} är skrivskyddad, så {name} kan bara öppnas för läsning. Kopiera filen till en skrivbar mapp för att ändra den.</source>
        <translation>The folder {folder} is read-only, so {name} can only be opened for reading. Copy the file to a writable folder to change it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mappen {folder} är skrivskyddad; {name} kan inte skrivas där.</source>
        <translation>The folder {folder} is read-only; {name} cannot be written there.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mappen {parent} finns inte.</source>
        <translation>The folder {parent} does not exist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mappen {parent} kunde inte skapas: {err}.</source>
        <translation>The folder {parent} could not be created: {err}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mappen {parent} är skrivskyddad; utvärderingsfilen kan bara öppnas för läsning.</source>
        <translation>The folder {parent} is read-only; the evaluation file can only be opened for reading.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medelvärdesfilen {path} finns inte.</source>
        <translation>The average file {path} does not exist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Motiveringen</source>
        <translation>The rationale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Namnet ”{part}…” är för långt ({units} byte; filsystemet tillåter högst {limit} byte per namn). Välj ett kortare namn.</source>
        <translation>The name “{part}…” is too long ({units} bytes; the file system allows at most {limit} bytes per name). Choose a shorter name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nyckelfilen {path} finns inte.</source>
        <translation>The key file {path} does not exist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nyckelfilen {path} kan inte läsas ({err}).</source>
        <translation>The key file {path} cannot be read ({err}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ogiltigt val ”{side}”: ange lead eller other.</source>
        <translation>Invalid choice “{side}”: enter lead or other.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Okänd version av Kommunkompassen: ”{id}”. Tillgängliga: {known}.</source>
        <translation>Unknown version of Kommunkompassen: “{id}”. Available: {known}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Okända fält för anteckning: {unknown}.</source>
        <translation>Unknown fields for a note: {unknown}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Okända fält för iakttagelse: {unknown}.</source>
        <translation>Unknown fields for a finding: {unknown}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Okända fält: {unknown}.</source>
        <translation>Unknown fields: {unknown}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Okända konflikter i valen: {unknown}.</source>
        <translation>Unknown conflicts in the choices: {unknown}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Område {key}: {value} ligger utanför 0–{AREA_MAX}.</source>
        <translation>Area {key}: {value} is outside 0–{AREA_MAX}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Område {number} finns inte i {name}.</source>
        <translation>Area {number} does not exist in {name}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Område ”{ref}” finns inte.</source>
        <translation>Area “{ref}” does not exist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planen gäller en annan huvudfil.</source>
        <translation>The plan is for another main file.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Platsbesöket kan inte sluta ({end}) före det börjar ({start}).</source>
        <translation>The site visit cannot end ({end}) before it begins ({start}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Posten finns inte (den kan ha tagits bort).</source>
        <translation>The entry does not exist (it may have been deleted).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posten finns inte.</source>
        <translation>The entry does not exist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posten {record_id} finns inte i {table}.</source>
        <translation>The record {record_id} does not exist in {table}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rapportens typsnitt {path} kan inte läsas ({err}). Installera om programmet.</source>
        <translation>The report font {path} cannot be read ({err}). Reinstall the program.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Schemafilen {path} kan inte läsas: {err}</source>
        <translation>The schema file {path} cannot be read: {err}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schemafilen {path} är inget giltigt schema (inget JSON-objekt).</source>
        <translation>The schema file {path} is not a valid schema (not a JSON object).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schemafilen {path} är inget giltigt schema ({problem}).</source>
        <translation>The schema file {path} is not a valid schema ({problem}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skälet</source>
        <translation>The reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sluttid</source>
        <translation>End time</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starttid</source>
        <translation>Start time</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Säkerhetskopian av {name} avbröts.</source>
        <translation>The backup of {name} was cancelled.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Säkerhetskopian av {name} kunde inte skapas: {err}.</source>
        <translation>The backup of {name} could not be made: {err}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Säkerhetskopian {source} finns inte.</source>
        <translation>The backup {source} does not exist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sökvägen ”{path}…” är för lång ({units} tecken; högst {limit} går här). Välj en mapp närmare diskens rot eller ett kortare namn.</source>
        <translation>The path “{path}…” is too long ({units} characters; at most {limit} are possible here). Choose a folder closer to the root of the disk or a shorter name.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Texten {value} gäller hela utvärderingen och har ingen referens.</source>
        <translation>The text {value} applies to the whole evaluation and has no reference.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Utvärderingsfilen {path} finns inte.</source>
        <translation>The evaluation file {path} does not exist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Webbkällan måste ha en rubrik.</source>
        <translation>The web source must have a heading.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[areas.{n}] med allmant saknas</source>
        <translation>[areas.{n}] with allmant is missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[intro] med text saknas</source>
        <translation>[intro] with text is missing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>anteckningen</source>
        <translation>the note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>av någon på {host}</source>
        <translation>by someone on {host}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>av {user}</source>
        <translation>by {user}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>av {user} på {host}</source>
        <translation>by {user} on {host}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>databasen: {r}</source>
        <translation>the database: {r}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>databasfel: {err}</source>
        <translation>database error: {err}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delfråga {number}: maxpoäng måste vara större än 0</source>
        <translation>sub-area {number}: the maximum score must be greater than 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>demoutvärderingen räknas inte</source>
        <translation>the demo evaluation is not counted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>den egna poängen</source>
        <translation>the individual score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>den tidigare utvärderingen</source>
        <translation>the earlier evaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>det nationella medelvärdet är inget JSON-objekt</source>
        <translation>the national average is not a JSON object</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>det nationella medelvärdet: {err}</source>
        <translation>the national average: {err}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>det är en mapp, inte en fil</source>
        <translation>it is a folder, not a file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disken är full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dokumentet</source>
        <translation>the document</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>filen eller dess mapp är skrivskyddad</source>
        <translation>the file or its folder is read-only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filen eller mappen finns inte</source>
        <translation>the file or folder does not exist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filen finns inte</source>
        <translation>the file does not exist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filen kunde inte läsas ({problem})</source>
        <translation>the file could not be read ({problem})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>filen är skadad: {err}</source>
        <translation>the file is damaged: {err}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>filsystemet är skrivskyddat</source>
        <translation>the file system is read-only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finding_kinds måste innehålla strength och improvement</source>
        <translation>finding_kinds must contain strength and improvement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flyttbar enhet {device}</source>
        <translation>removable drive {device}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>för djupt nästlat</source>
        <translation>nested too deeply</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>historiken</source>
        <translation>the history</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>historiken, version {seq} av post {id}: ogiltig JSON</source>
        <translation>the history, version {seq} of record {id}: invalid JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>iakttagelsen</source>
        <translation>the finding</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>indexet</source>
        <translation>the index</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inget JSON-objekt</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inställningen {key} (tabellen meta): {err}</source>
        <translation>the setting {key} (table meta): {err}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>intervjun</source>
        <translation>the interview</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>länken</source>
        <translation>the link</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>manifestet stämmer inte med innehållet</source>
        <translation>the manifest does not match the contents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manipulerad eller fel nyckel</source>
        <translation>tampered with or the wrong key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mappen eller filen är skrivskyddad, eller filen är öppen i ett annat program</source>
        <translation>the folder or file is read-only, or the file is open in another program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maxpoängen för {number} är inte ett tal</source>
        <translation>the maximum score of {number} is not a number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>namnet är för långt för filsystemet</source>
        <translation>the name is too long for the file system</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nyckeln ”{key}” förekommer två gånger</source>
        <translation>the key “{key}” occurs twice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nätverksenhet {device}</source>
        <translation>network drive {device}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nätverksresurs (UNC)</source>
        <translation>network share (UNC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nätverksvolym</source>
        <translation>network volume</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>område {area}: delfråga {sub} borde heta {area}.{i}</source>
        <translation>area {area}: sub-area {sub} should be numbered {area}.{i}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>område {number}: delfrågornas maxpoäng summerar till {max}, inte 100</source>
        <translation>area {number}: the maximum scores of the sub-areas add up to {max}, not 100</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>områdena ska numreras 1..{count} i ordning, inte {numbers}</source>
        <translation>the areas must be numbered 1..{count} in order, not {numbers}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poängen för delfråga {subarea}</source>
        <translation>the score for sub-area {subarea}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poängen för delfråga {subarea} av en utvärderare</source>
        <translation>the score for sub-area {subarea} by an evaluator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poängen för delfråga {subarea} av {evaluator}</source>
        <translation>the score for sub-area {subarea} by {evaluator}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>poängposten</source>
        <translation>the score record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ramverkskopian</source>
        <translation>the framework copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ramverkskopian (tabellen framework_copy): {err}</source>
        <translation>the framework copy (table framework_copy): {err}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ramverkskopian: {n} kopior (väntade 1)</source>
        <translation>the framework copy: {n} copies (expected 1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>schemat: {d}</source>
        <translation>the schema: {d}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tabellen</source>
        <translation>the table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tabellen {name}</source>
        <translation>the table {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>texten</source>
        <translation>the text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>texten {scope}</source>
        <translation>the text {scope}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>texten {scope} {ref}</source>
        <translation>the text {scope} {ref}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>utlösaren</source>
        <translation>the trigger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>utvärderingen</source>
        <translation>the evaluation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>utvärderingens id</source>
        <translation>the evaluation&apos;s id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>utvärderingsdata</source>
        <translation>evaluation data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>version = &quot;{found}&quot; borde vara &quot;{wanted}&quot;</source>
        <translation>version = &quot;{found}&quot; should be &quot;{wanted}&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vyn</source>
        <translation>the view</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>kommunkoden ”{value}” är inte fyra siffror</source>
        <translation>the municipality code “{value}” is not four digits</translation>
    </message>
    <message>
        <location line="-246"/>
        <source>$.history[{i}].record_id: posten finns inte bland exportens {table}</source>
        <translation>$.history[{i}].record_id: the record is not among the export&apos;s {table}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>$.records: {missing} saknas.</source>
        <translation>$.records: {missing} missing.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Anställda</source>
        <translation>Employees</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Antalet anställda gäller</source>
        <translation>Number of employees as of</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Antecknad</source>
        <translation>Noted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anteckning ”{text}”</source>
        <translation>Note “{text}”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Benämning</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beslutad av</source>
        <translation>Adopted by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Besökt den</source>
        <translation>Visited on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borttagen</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delfråga</source>
        <translation>Sub-area</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Dokument</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dokument ”{text}”</source>
        <translation>Document “{text}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dokumenttyp</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Egen poäng för delfråga {sub} ({evaluator})</source>
        <translation>Own score for sub-area {sub} ({evaluator})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fil på disken</source>
        <translation>File on disk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fler kortfakta</source>
        <translation>More key facts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Iakttagelse</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iakttagelse i område {area} ”{text}”</source>
        <translation>Finding in area {area} “{text}”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inte i kommunregistret</source>
        <translation>Not in the register of municipalities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intervju</source>
        <translation>Interview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intervju ”{text}”</source>
        <translation>Interview “{text}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invånarantalet gäller</source>
        <translation>Number of inhabitants as of</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invånare</source>
        <translation>Inhabitants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kommungrupp</source>
        <translation>Municipality group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kommunkod</source>
        <translation>Municipality code</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Koppling mellan iakttagelse och anteckning</source>
        <translation>Link between a finding and a note</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Motivering</source>
        <translation>Rationale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Namn</source>
        <translation>Names</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Område eller delfråga</source>
        <translation>Area or sub-area</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ordning</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plats</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platsbesöket börjar</source>
        <translation>Site visit starts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platsbesöket slutar</source>
        <translation>Site visit ends</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Poäng</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poäng per område</source>
        <translation>Score per area</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resultatet följer inte national-average.schema.json: {problems}.</source>
        <translation>The result does not follow national-average.schema.json: {problems}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roller</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sida</source>
        <translation>Page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slut</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Styrande partier</source>
        <translation>Governing parties</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text för delfråga {ref}</source>
        <translation>Text for sub-area {ref}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text för område {ref}</source>
        <translation>Text for area {ref}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text ”{scope}” {ref}</source>
        <translation>Text “{scope}” {ref}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Texten ”Allmänt” för område {ref}</source>
        <translation>The “General” text for area {ref}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Texten ”Jämförelser”</source>
        <translation>The text “Comparisons”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Texten ”Sammanfattande kommentarer”</source>
        <translation>The text “Summary comments”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Texten ”Starkare områden”</source>
        <translation>The text “Stronger areas”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Texten ”Svagare områden”</source>
        <translation>The text “Weaker areas”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Textens plats</source>
        <translation>Place of the text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidigare utvärdering {year}</source>
        <translation>Previous evaluation {year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Typ av källa</source>
        <translation>Kind of source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utvärderare</source>
        <translation>Evaluators</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utvärdering nr</source>
        <translation>Evaluation no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utvärderingens uppgifter</source>
        <translation>The evaluation&apos;s details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version av Kommunkompassen</source>
        <translation>Version of Kommunkompassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webbadress</source>
        <translation>Web address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webbkälla</source>
        <translation>Web source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webbkälla ”{text}”</source>
        <translation>Web source “{text}”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>anteckningar</source>
        <translation>notes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>det nationella medelvärdet är ofullständigt ({problem})</source>
        <translation>the national average is incomplete ({problem})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dokument</source>
        <translation>documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>egna poäng</source>
        <translation>own scores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>en del av sökvägen är en fil, inte en mapp</source>
        <translation>part of the path is a file, not a folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>en lista</source>
        <translation>a list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>en lista har för få värden</source>
        <translation>a list has too few values</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>en text</source>
        <translation>a text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ett heltal</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ett objekt</source>
        <translation>an object</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ett tal</source>
        <translation>a number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ett tal är ogiltigt</source>
        <translation>a number is invalid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ett värde har fel typ</source>
        <translation>a value has the wrong type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ett värde är ogiltigt</source>
        <translation>a value is invalid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filen används av ett annat program</source>
        <translation>the file is in use by another program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filen blir för stor för filsystemet</source>
        <translation>the file grows too large for the file system</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>filen är en lika ny kopia av samma utvärdering som {other}, och utvärderingen räknas bara en gång</source>
        <translation>the file is an equally recent copy of the same evaluation as {other}, and the evaluation counts only once</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filen är en äldre version av samma utvärdering som {new} (båda ändrades senast {time}, inom samma sekund); bara den nyaste räknas</source>
        <translation>the file is an older version of the same evaluation as {new} (both were last changed at {time}, within the same second); only the newest counts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filen är en äldre version av samma utvärdering som {new} (senast ändrad {old_time} mot {new_time}); bara den nyaste räknas</source>
        <translation>the file is an older version of the same evaluation as {new} (last changed {old_time} against {new_time}); only the newest counts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filen är förseglad; ange --key med SKR:s privata nyckel för att räkna den</source>
        <translation>the file is sealed; give --key with SKR&apos;s private key to count it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>filen är varken en export (.kkx) eller en utvärderingsfil (.kompass)</source>
        <translation>the file is neither an export (.kkx) nor an evaluation file (.kompass)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fälten {names} saknas</source>
        <translation>the fields {names} are missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fältet {name} saknas</source>
        <translation>the field {name} is missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fältet ”{key}” saknas</source>
        <translation>the field “{key}” is missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>får inte vara tom</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>får inte vara tomt</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>följer inte schemats regel ”{rule}”</source>
        <translation>breaks the schema&apos;s rule “{rule}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>har för få poster ({n}; minst {limit})</source>
        <translation>has too few entries ({n}; at least {limit})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>har för många poster ({n}; högst {limit})</source>
        <translation>has too many entries ({n}; at most {limit})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>har samma värde mer än en gång</source>
        <translation>has the same value more than once</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>historikposter</source>
        <translation>history entries</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>iakttagelser</source>
        <translation>findings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>intervju</source>
        <translation>interview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intervjuer</source>
        <translation>interviews</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kopplingar</source>
        <translation>links</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>läs- eller skrivfel på disken</source>
        <translation>a read or write error on the disk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>läsfel eller skrivfel på enheten (den kan vara skadad eller urkopplad)</source>
        <translation>read or write error on the device (it may be damaged or disconnected)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nej</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ofullständig ({problem})</source>
        <translation>incomplete ({problem})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ogiltig JSON (”{value}”)</source>
        <translation>invalid JSON (“{value}”)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>okända fält {names}</source>
        <translation>unknown fields {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>okänt fält {name}</source>
        <translation>unknown field {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>okänt värde ”{value}” (tillåtna: {allowed})</source>
        <translation>unknown value “{value}” (allowed: {allowed})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>område ”{area}”: ”{points}” är inte ett tal</source>
        <translation>area “{area}”: “{points}” is not a number</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>poängen ”{value}” är inte ett tal</source>
        <translation>the score “{value}” is not a number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poängen ”{value}” är inte lagrad som text</source>
        <translation>the score “{value}” is not stored as text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poängen ”{value}”: {err}</source>
        <translation>the score “{value}”: {err}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sant eller falskt</source>
        <translation>true or false</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ska vara {expected}, inte {value}</source>
        <translation>must be {expected}, not {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sökvägen har för många symboliska länkar (kanske en länk till sig själv)</source>
        <translation>the path has too many symbolic links (perhaps a link to itself)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>texter</source>
        <translation>texts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tidigare utvärderingar</source>
        <translation>previous evaluations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tomt (null)</source>
        <translation>empty (null)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>utvärderingar</source>
        <translation>evaluations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>utvärderingen är ofullständig: {scored} av {total} delfrågor har poäng</source>
        <translation>the evaluation is incomplete: {scored} of {total} sub-areas have a score</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>väntade en lista med par (rubrik, värde), fann ”{value}”</source>
        <translation>expected a list of pairs (heading, value), found “{value}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>väntade en lista med texter, fann ”{value}”</source>
        <translation>expected a list of texts, found “{value}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>väntade områdespoäng, fann ”{value}”</source>
        <translation>expected area scores, found “{value}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>värdet ”{value}” är inte JSON-text</source>
        <translation>the value “{value}” is not JSON text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>värdet ”{value}” är varken 0 eller 1</source>
        <translation>the value “{value}” is neither 0 nor 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>webbkälla</source>
        <translation>web source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>webbkällan</source>
        <translation>the web source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>webbkällor</source>
        <translation>web sources</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{err} (--force ersätter en tidigare demo.)</source>
        <translation>{err} (--force replaces an earlier demo.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{evaluation} finns inte i kommunregistret (fiktiv kommun eller övning) och räknas inte</source>
        <translation>{evaluation} is not in the municipality register (fictitious municipality or exercise) and is not counted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{folder}: två ramverksfiler har samma id ({ids}).</source>
        <translation>{folder}: two framework files have the same id ({ids}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{items} (och {more} till)</source>
        <translation>{items} (and {more} more)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kind} ”{name}”</source>
        <translation>{kind} “{name}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kind} ”{name}” (på {table})</source>
        <translation>{kind} “{name}” (on {table})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label_sv} används inte i {name}.</source>
        <translation>{label_sv} is not used in {name}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} använder ramverket {framework_id}, huvudfilen {framework_id2}.</source>
        <translation>{label} uses the framework {framework_id}, the main file {framework_id2}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} gäller en annan utvärdering än {label2} (olika utvärderings-id); bara kopior av samma utvärdering kan slås samman.</source>
        <translation>{label} belongs to another evaluation than {label2} (different evaluation IDs); only copies of the same evaluation can be merged.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} kommer inte från Kompass Desktop</source>
        <translation>{label} does not come from Kompass Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} kunde inte öppnas – {TAMPERED} (filen är förseglad för nyckel {header}, din nyckel är {mine}).</source>
        <translation>{label} could not be opened – {TAMPERED} (the file is sealed for key {header}, your key is {mine}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} kunde inte öppnas – {TAMPERED} (huvudet är skadat).</source>
        <translation>{label} could not be opened – {TAMPERED} (the header is damaged).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} kunde inte öppnas – {TAMPERED} (känns inte igen som förseglad fil).</source>
        <translation>{label} could not be opened – {TAMPERED} (not recognised as a sealed file).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} kunde inte öppnas – {TAMPERED}.</source>
        <translation>{label} could not be opened – {TAMPERED}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} saknar personuppgifter (intervjuanteckningar och namn) och kan inte slås samman. Be om en export med --include-personal-data eller om .kompass-filen.</source>
        <translation>{label} has no personal data (interview notes and names) and cannot be merged. Ask for an export with --include-personal-data or for the .kompass file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} saknas</source>
        <translation>{label} is missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} som anteckningen hänvisar till finns inte.</source>
        <translation>The {label} that the note refers to does not exist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} är avkortad eller skadad (zip-arkivet är ofullständigt).</source>
        <translation>{label} is truncated or damaged (the zip archive is incomplete).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} är förseglad för SKR och kan inte slås samman; öppna den först (kompass unseal).</source>
        <translation>{label} is sealed for SKR and cannot be merged; unseal it first (kompass unseal).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} är förseglad för SKR; öppna den först med ”kompass unseal FIL --key NYCKEL.key -o UT.kkx”.</source>
        <translation>{label} is sealed for SKR; unseal it first with “kompass unseal FILE --key KEY.key -o OUT.kkx”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} är importerad från en export utan personuppgifter (namn och intervjuanteckningar saknas) och kan inte slås samman.</source>
        <translation>{label} was imported from an export without personal data (names and interview notes are missing) and cannot be merged.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} är inte en exportfil från Kompass Desktop (inte ett zip-arkiv).</source>
        <translation>{label} is not an export file from Kompass Desktop (not a zip archive).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} är inte förseglad (den är redan en vanlig export).</source>
        <translation>{label} is not sealed (it is already an ordinary export).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} är ändrad</source>
        <translation>{label} has been changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} är ändrat</source>
        <translation>{label} has been changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: arkivet har för många filer ({infos}; högst {MAX_MEMBERS}).</source>
        <translation>{label}: the archive has too many files ({infos}; at most {MAX_MEMBERS}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: arkivets innehåll är för stort (mer än {MAX_TOTAL_BYTES} byte).</source>
        <translation>{label}: the archive&apos;s contents are too large (more than {MAX_TOTAL_BYTES} bytes).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: filen {filename} förekommer två gånger i arkivet.</source>
        <translation>{label}: the file {filename} occurs twice in the archive.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: inte UTF-8.</source>
        <translation>{label}: not UTF-8.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: inte en export från Kompass Desktop (format ”kompass-export” saknas).</source>
        <translation>{label}: not an export from Kompass Desktop (format “kompass-export” is missing).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: kontrollsumman för {name} stämmer inte (filen har ändrats eller är skadad).</source>
        <translation>{label}: the checksum of {name} does not match (the file has been changed or is damaged).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: ogiltig JSON på rad {lineno}, kolumn {colno}: {msg}.</source>
        <translation>{label}: invalid JSON on line {lineno}, column {colno}: {msg}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: ogiltig JSON: {err}.</source>
        <translation>{label}: invalid JSON: {err}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: otillåtet filnamn ”{filename}” i arkivet ({why}).</source>
        <translation>{label}: file name “{filename}” not allowed in the archive ({why}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: oväntad fil ”{name}” i arkivet (finns inte i manifestet).</source>
        <translation>{label}: unexpected file “{name}” in the archive (not in the manifest).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: skapad med en nyare version av Kompass Desktop (exportformat {version}, denna version läser {FORMAT_VERSION}). Uppdatera programmet.</source>
        <translation>{label}: made with a newer version of Kompass Desktop (export format {version}, this version reads {FORMAT_VERSION}). Update the program.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {EVALUATION} saknas i arkivet.</source>
        <translation>{label}: {EVALUATION} is missing from the archive.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {MANIFEST} saknas i arkivet (inte en komplett export).</source>
        <translation>{label}: {MANIFEST} is missing from the archive (not a complete export).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {err}</source>
        <translation>{label}: {err}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {filename} använder en okänd komprimering.</source>
        <translation>{label}: {filename} uses an unknown compression.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {filename} har en misstänkt hög komprimeringsgrad ({file_size} byte ur {compress_size}; möjlig zip-bomb).</source>
        <translation>{label}: {filename} has a suspiciously high compression ratio ({file_size} bytes from {compress_size}; possible zip bomb).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {filename} har fel storlek i arkivet.</source>
        <translation>{label}: {filename} has the wrong size in the archive.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {filename} är för stor ({file_size} byte; högst {MAX_MEMBER_BYTES}).</source>
        <translation>{label}: {filename} is too large ({file_size} bytes; at most {MAX_MEMBER_BYTES}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {filename} är krypterad i zip-arkivet.</source>
        <translation>{label}: {filename} is encrypted in the zip archive.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {filename} är skadad ({err}).</source>
        <translation>{label}: {filename} is damaged ({err}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {name} saknas i arkivet fast manifestet listar den.</source>
        <translation>{label}: {name} is missing from the archive although the manifest lists it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {what}: {shown}.</source>
        <translation>{label}: {what}: {shown}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: ”{value}” är ingen tid (TT:MM).</source>
        <translation>{label}: “{value}” is not a time (HH:MM).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: ”{value}” är inget giltigt datum (ÅÅÅÅ-MM-DD).</source>
        <translation>{label}: “{value}” is not a valid date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: ”{value}” är inte ett heltal.</source>
        <translation>{label}: “{value}” is not a whole number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: ”{value}” är negativt; ange 0 eller mer.</source>
        <translation>{label}: “{value}” is negative; enter 0 or more.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} används av ett annat program just nu; försök igen.</source>
        <translation>{name} is being used by another program right now; try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} behöver återställas efter ett avbrott, men en tillfällig kopia kunde inte göras ({err}). Öppna filen med skrivrätt eller frigör utrymme.</source>
        <translation>{name} needs to be recovered after an interruption, but a temporary copy could not be made ({err}). Open the file with write permission or free some space.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} har ett okänt filformat ({version}).</source>
        <translation>{name} has an unknown file format ({version}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} har inga poäng att jämföra med.</source>
        <translation>{name} has no scores to compare with.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} har ingen giltig utvärderingspost och kan inte exporteras.</source>
        <translation>{name} has no valid evaluation record and cannot be exported.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} har inget medelvärde för {name2} (filen innehåller: {versions}).</source>
        <translation>{name} has no average for {name2} (the file contains: {versions}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} har inget område {unknown}.</source>
        <translation>{name} has no area {unknown}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} har ändrats av ett annat program: {changed}. Filen kan inte öppnas; återställ en säkerhetskopia (kompass backups).</source>
        <translation>{name} has been changed by another program: {changed}. The file cannot be opened; restore a backup (kompass backups).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} har ändrats av ett annat program: {differences}.</source>
        <translation>{name} has been changed by another program: {differences}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} har ändrats av ett annat program: {tables}. Filen öppnas inte för skrivning (den kan öppnas skrivskyddad); återställ en säkerhetskopia (kompass backups).</source>
        <translation>{name} has been changed by another program: {tables}. The file is not opened for writing (it can be opened read-only); restore a backup (kompass backups).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} har ändrats sedan ändringarna förbereddes.</source>
        <translation>{name} has changed since the changes were prepared.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} innehåller skadade värden: {listed}. Filen öppnas inte; återställ en säkerhetskopia (kompass backups).</source>
        <translation>{name} contains damaged values: {listed}. The file is not opened; restore a backup (kompass backups).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} innehåller {rows} utvärderingsposter (väntade 1).</source>
        <translation>{name} contains {rows} evaluation records (expected 1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} innehöll databasobjekt som inte kommer från Kompass Desktop ({text}); de togs bort innan något annat skrevs.</source>
        <translation>{name} contained database objects that do not come from Kompass Desktop ({text}); they were removed before anything else was written.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} kunde inte läsas eller skrivas (I/O-fel: {err}).</source>
        <translation>{name} could not be read or written (I/O error: {err}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} kunde inte öppnas: SQLite kunde inte skriva sin arbetsfil {name2}-shm (är disken full eller mappen skrivskyddad?). Filen är oförändrad; frigör utrymme och försök igen.</source>
        <translation>{name} could not be opened: SQLite could not write its working file {name2}-shm (is the disk full or the folder read-only?). The file is unchanged; free some space and try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} ligger i en nätverksmapp ({detail}). Där kan Kompass Desktop inte skriva säkert – två datorer kan förstöra filen. Kopiera filen till datorns egen disk och öppna kopian (eller öppna den skrivskyddad).</source>
        <translation>{name} is in a network folder ({detail}). Kompass Desktop cannot write safely there – two computers can destroy the file. Copy the file to the computer&apos;s own disk and open the copy (or open it read-only).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} ligger i en nätverksmapp ({detail}). Där kan Kompass Desktop inte skriva säkert – två datorer kan förstöra filen. Spara på datorns egen disk och kopiera sedan filen dit.</source>
        <translation>{name} is in a network folder ({detail}). Kompass Desktop cannot write safely there – two computers can destroy the file. Save on the computer&apos;s own disk and then copy the file there.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} saknar sin kopia av ramverket och kan inte användas.</source>
        <translation>{name} lacks its copy of the framework and cannot be used.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} saknar utvärderingsdata och kan inte öppnas.</source>
        <translation>{name} has no evaluation data and cannot be opened.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} saknar {what} och kan inte öppnas.</source>
        <translation>{name} lacks {what} and cannot be opened.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} saknar år för utvärderingen.</source>
        <translation>{name} has no year for the evaluation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är en av SQLites filer för utvärderingsfilen {base} och skrivs aldrig över.</source>
        <translation>{name} is one of SQLite&apos;s files for the evaluation file {base} and is never overwritten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är en utvärderingsfil; ange ett filnamn som slutar på .pdf eller .docx.</source>
        <translation>{name} is an evaluation file; enter a file name ending in .pdf or .docx.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är ett skrivlås för en utvärderingsfil och skrivs aldrig över.</source>
        <translation>{name} is the write lock of an evaluation file and is never overwritten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är för stor ({value} MB; högst {value2} MB) och läses inte.</source>
        <translation>{name} is too large ({value} MB; at most {value2} MB) and is not read.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är inget giltigt JSON-tal</source>
        <translation>{name} is not a valid JSON number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är inte en utvärderingsfil från Kompass Desktop.</source>
        <translation>{name} is not an evaluation file from Kompass Desktop.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är redan öppen{holder}. Stäng den där först – två program kan inte skriva i samma utvärdering.</source>
        <translation>{name} is already open{holder}. Close it there first – two programs cannot write to the same evaluation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är samma fil som huvudfilen.</source>
        <translation>{name} is the same file as the main file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är samma fil som {name2}; ange en annan fil.</source>
        <translation>{name} is the same file as {name2}; choose another file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är skadad ({detail}). Återställ en säkerhetskopia (kompass backups).</source>
        <translation>{name} is damaged ({detail}). Restore a backup (kompass backups).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är skadad ({err}). Återställ en säkerhetskopia (kompass backups).</source>
        <translation>{name} is damaged ({err}). Restore a backup (kompass backups).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är skadad och kan inte återställas ({err}). Återställ en säkerhetskopia (kompass backups).</source>
        <translation>{name} is damaged and cannot be recovered ({err}). Restore a backup (kompass backups).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är skadad och kan inte öppnas ({err}). Återställ en säkerhetskopia (kompass backups).</source>
        <translation>{name} is damaged and cannot be opened ({err}). Restore a backup (kompass backups).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är skrivskyddad. Kopiera den till en skrivbar mapp eller öppna den endast för läsning.</source>
        <translation>{name} is read-only. Copy it to a writable folder or open it for reading only.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är skrivskyddad; ändringen kunde inte sparas.</source>
        <translation>{name} is read-only; the change could not be saved.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} är öppnad skrivskyddad; ändringar kan inte sparas.</source>
        <translation>{name} is open read-only; changes cannot be saved.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} öppnas just nu av ett annat program.</source>
        <translation>{name} is being opened by another program right now.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: alla ändringar är sparade, men de kunde inte föras in i själva filen när den stängdes ({cause}). De ligger säkert i {wal} bredvid filen och förs in nästa gång filen öppnas. Frigör utrymme och flytta eller kopiera aldrig filen utan {wal2}.</source>
        <translation>{name}: all changes are saved, but they could not be written into the file itself when it was closed ({cause}). They are safe in {wal} beside the file and are written in the next time the file is opened. Free some space, and never move or copy the file without {wal2}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: ange ett filnamn som slutar på .pdf (PDF) eller .docx (Word); formatet följer ändelsen.</source>
        <translation>{name}: enter a file name ending in .pdf (PDF) or .docx (Word); the format follows the extension.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: databasfel: {err}</source>
        <translation>{name}: database error: {err}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: delfråga {r}: {err}. Kör kompass validate {name2}.</source>
        <translation>{name}: sub-area {r}: {err}. Run kompass validate {name2}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: filnamnet ska sluta på {suffix}.</source>
        <translation>{name}: the file name must end in {suffix}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: fältet {col} i {record} är skadat (ogiltig JSON). Kör kompass validate eller återställ en säkerhetskopia.</source>
        <translation>{name}: the field {col} in {record} is damaged (invalid JSON). Run kompass validate or restore a backup.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: historiken för post {record_id} (version {row}) är skadad.</source>
        <translation>{name}: the history of record {record_id} (version {row}) is damaged.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: historiken för post {record_id} är skadad.</source>
        <translation>{name}: the history of record {record_id} is damaged.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: huvudet och innehållet gäller olika utvärderingar – {TAMPERED}.</source>
        <translation>{name}: the header and the contents belong to different evaluations – {TAMPERED}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: kopian av ramverket är skadad.</source>
        <translation>{name}: the copy of the framework is damaged.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: ramverkskopian är ofullständig ({problem}). Återställ en säkerhetskopia (kompass backups).</source>
        <translation>{name}: the copy of the framework is incomplete ({problem}). Restore a backup (kompass backups).</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{path}: ramverkskopian kan inte läsas ({problem}).</source>
        <translation>{path}: the copy of the framework cannot be read ({problem}).</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>{name}: ramverkskopian är skadad: {err}. Återställ en säkerhetskopia (kompass backups).</source>
        <translation>{name}: the copy of the framework is damaged: {err}. Restore a backup (kompass backups).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {p}; den används inte</source>
        <translation>{name}: {p}; it is not used</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: ändringen kunde inte skrivas (skrivfel – är disken full eller borttagen?). Det som redan sparats finns kvar; frigör utrymme och försök igen.</source>
        <translation>{name}: the change could not be written (write error – is the disk full or removed?). What was already saved is still there; free some space and try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{out} blev inte korrekt skriven (innehållet skiljer sig); försök igen.</source>
        <translation>{out} was not written correctly (the contents differ); try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{out} är en mapp; ange ett filnamn som slutar på .pdf eller .docx.</source>
        <translation>{out} is a folder; enter a file name ending in .pdf or .docx.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} finns redan; välj ett annat namn.</source>
        <translation>{path} already exists; choose another name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} kan inte läsas: {err}.</source>
        <translation>{path} cannot be read: {err}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} kunde inte läsas tillbaka: {err}.</source>
        <translation>{path} could not be read back: {err}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} kunde inte skapas: {err}.</source>
        <translation>{path} could not be created: {err}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är avkortad ({size} byte) och kan inte öppnas.</source>
        <translation>{path} is truncated ({size} bytes) and cannot be opened.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är avkortad eller skadad (storleken {size} passar inte sidstorleken).</source>
        <translation>{path} is truncated or damaged (the size {size} does not fit the page size).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är avkortad: {size} byte av förväntade {value}. Återställ en säkerhetskopia (kompass backups).</source>
        <translation>{path} is truncated: {size} bytes of the expected {value}. Restore a backup (kompass backups).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är en SQLite-databas men ingen utvärderingsfil från Kompass Desktop.</source>
        <translation>{path} is an SQLite database but not an evaluation file from Kompass Desktop.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är en mapp, inte en fil.</source>
        <translation>{path} is a folder, not a file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är en mapp, inte en utvärderingsfil.</source>
        <translation>{path} is a folder, not an evaluation file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är en utvärdering, inte demon; --force skriver bara över demofiler och skadade filer. Välj ett annat namn.</source>
        <translation>{path} is an evaluation, not the demo; --force only overwrites demo files and damaged files. Choose another name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är fel sorts nyckel: ange {what}.</source>
        <translation>{path} is the wrong kind of key: give {what}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är ingen nyckelfil från Kompass Desktop ({what} väntades).</source>
        <translation>{path} is not a key file from Kompass Desktop ({what} expected).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är inte en utvärderingsfil från Kompass Desktop (okänt filformat).</source>
        <translation>{path} is not an evaluation file from Kompass Desktop (unknown file format).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är skadad (ogiltigt sidhuvud).</source>
        <translation>{path} is damaged (invalid page header).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är skapad med en nyare version av Kompass Desktop (filformat {user_version}, denna version läser {SCHEMA_VERSION}). Uppdatera programmet för att öppna filen.</source>
        <translation>{path} was made with a newer version of Kompass Desktop (file format {user_version}, this version reads {SCHEMA_VERSION}). Update the program to open the file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} är tom (0 byte) och är inte en utvärderingsfil.</source>
        <translation>{path} is empty (0 bytes) and is not an evaluation file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: [comparisons] ska innehålla texterna title, text och revision.</source>
        <translation>{path}: [comparisons] must contain the texts title, text and revision.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: filen saknas.</source>
        <translation>{path}: the file is missing.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: filen är inte UTF-8.</source>
        <translation>{path}: the file is not UTF-8.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: följer inte schemat: {problems}</source>
        <translation>{path}: does not follow the schema: {problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: inte en giltig medelvärdesfil: {err}</source>
        <translation>{path}: not a valid average file: {err}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: inte en giltig medelvärdesfil: {problems}</source>
        <translation>{path}: not a valid average file: {problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: kan inte läsas ({reason}).</source>
        <translation>{path}: cannot be read ({reason}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: nyckeln är ogiltig (en svag punkt på kurvan som inte kan skydda något); be SKR om rätt nyckelfil.</source>
        <translation>{path}: the key is invalid (a weak point on the curve that cannot protect anything); ask SKR for the right key file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: nyckeln är skadad (fel längd).</source>
        <translation>{path}: the key is damaged (wrong length).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: nyckeln är skadad (ogiltig base64).</source>
        <translation>{path}: the key is damaged (invalid base64).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: ogiltig JSON (för djupt nästlad).</source>
        <translation>{path}: invalid JSON (nested too deeply).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: ogiltig JSON på rad {line}, kolumn {column}: {reason}.</source>
        <translation>{path}: invalid JSON on line {line}, column {column}: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: ogiltig JSON: {err}.</source>
        <translation>{path}: invalid JSON: {err}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: ramverksfilen följer inte schemat: {problems}</source>
        <translation>{path}: the framework file does not follow the schema: {problems}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: textfilen kan inte tolkas: {err}.</source>
        <translation>{path}: the text file cannot be parsed: {err}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: textfilen saknas.</source>
        <translation>{path}: the text file is missing.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: {problems}.</source>
        <translation>{path}: {problems}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{record} {id}</source>
        <translation>{record} {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{target} finns redan och är ingen utvärderingsfil; den skrivs inte över. Välj ett annat namn.</source>
        <translation>{target} already exists and is not an evaluation file; it is not overwritten. Choose another name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{target} finns redan; välj ett annat namn (befintliga filer skrivs aldrig över).</source>
        <translation>{target} already exists; choose another name (existing files are never overwritten).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{target} finns redan; välj ett annat namn.</source>
        <translation>{target} already exists; choose another name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{target} kunde inte skrivas: {err}.</source>
        <translation>{target} could not be written: {err}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{target} är en mapp; ange ett filnamn.</source>
        <translation>{target} is a folder; give a file name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{target} är en utvärderingsfil och skrivs aldrig över; välj ett annat namn.</source>
        <translation>{target} is an evaluation file and is never overwritten; choose another name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{target} är samma fil som indatafilen {name}; den skrivs aldrig över. Ange en annan fil.</source>
        <translation>{target} is the same file as the input file {name}; it is never overwritten. Choose another file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{target} är skrivskyddad och skrivs inte över.</source>
        <translation>{target} is read-only and is not overwritten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} har fel form</source>
        <translation>{value} has the wrong form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} ska vara mindre än {limit}</source>
        <translation>{value} must be less than {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} ska vara större än {limit}</source>
        <translation>{value} must be greater than {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} är inget tillåtet värde här</source>
        <translation>{value} is not an allowed value here</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} är inte tillåtet (tillåtna: {options})</source>
        <translation>{value} is not allowed (allowed: {options})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} är kortare än {limit} tecken</source>
        <translation>{value} is shorter than {limit} characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} är längre än {limit} tecken</source>
        <translation>{value} is longer than {limit} characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} är mindre än {limit}</source>
        <translation>{value} is less than {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} är större än {limit}</source>
        <translation>{value} is greater than {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value}: högst {MAX_DECIMALS} decimaler är tillåtna.</source>
        <translation>{value}: at most {MAX_DECIMALS} decimals are allowed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value}: talet är orimligt stort för en poäng.</source>
        <translation>{value}: the number is unreasonably large for a score.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} får vara högst {MAX_REASON} tecken ({text}).</source>
        <translation>{what} may be at most {MAX_REASON} characters ({text}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} följer inte schemat</source>
        <translation>{what} does not follow the schema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} {path} finns inte.</source>
        <translation>{what} {path} does not exist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} är inte konsekvent</source>
        <translation>{what} is not consistent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.id: fel id för poängen till {sub}</source>
        <translation>{where}.id: wrong id for the score of {sub}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.id: fel id för poängen till {sub} av {evaluator}</source>
        <translation>{where}.id: wrong id for the score of {sub} by {evaluator}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.id: id {id} förekommer redan ({first})</source>
        <translation>{where}.id: id {id} already occurs ({first})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.label: ska vara en text.</source>
        <translation>{where}.label: must be a text.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.n: ”{n}” är inget rimligt antal (0–{MAX_N}).</source>
        <translation>{where}.n: “{n}” is not a reasonable count (0–{MAX_N}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.period: ska vara en text.</source>
        <translation>{where}.period: must be a text.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.points: {err}</source>
        <translation>{where}.points: {err}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.reason: saknas (exportformat {version})</source>
        <translation>{where}.reason: missing (export format {version})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.subarea: delfrågan {sub} finns inte i {fw}</source>
        <translation>{where}.subarea: sub-area {sub} does not exist in {fw}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}.subarea: delfrågan {sub} har två poängposter</source>
        <translation>{where}.subarea: sub-area {sub} has two score records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: fältet {name} ({shown}) är inte av typen {declared}</source>
        <translation>{where}: the field {name} ({shown}) is not of type {declared}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: fältet {name} saknas</source>
        <translation>{where}: the field {name} is missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: fältet {name}: {err}</source>
        <translation>{where}: the field {name}: {err}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: ska vara ett objekt med n och mean.</source>
        <translation>{where}: must be an object with n and mean.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: ska vara ett objekt.</source>
        <translation>{where}: must be an object.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: två poäng för {sub} av {evaluator}</source>
        <translation>{where}: two scores for {sub} by {evaluator}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: {value} är inget rimligt poängtal (0–{MAX_POINTS}).</source>
        <translation>{where}: {value} is not a reasonable score (0–{MAX_POINTS}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: ”{text}” är inget områdesnummer.</source>
        <translation>{where}: “{text}” is not an area number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: ”{value}” är inget tal.</source>
        <translation>{where}: “{value}” is not a number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{who} sedan {since}</source>
        <translation>{who} since {since}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{why} Ange en annan fil.</source>
        <translation>{why} Choose another file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Året {changes} är orimligt; ange ett år som 2025.</source>
        <translation>The year {changes} is unreasonable; enter a year such as 2025.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Året {year} är orimligt; ange ett år som 2025.</source>
        <translation>The year {year} is unreasonable; enter a year such as 2025.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Överenskommen poäng för delfråga {sub}</source>
        <translation>Agreed score for sub-area {sub}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>överenskomna poäng</source>
        <translation>agreed scores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>”{text}” passar flera kommuner: {value}. Ange hela namnet eller kommunkoden.</source>
        <translation>“{text}” matches several municipalities: {value}. Enter the whole name or the municipality code.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>”{value}” är inte ett tal.</source>
        <translation>“{value}” is not a number.</translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <location filename="../../kompass_desktop/gui/preview_dock.py" line="+17"/>
        <source>Förhandsvisning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Ingen utvärdering är öppen.</source>
        <translation>No evaluation is open.</translation>
    </message>
    <message>
        <location filename="../../kompass_desktop/gui/preview_worker.py" line="+101"/>
        <source>Förhandsvisningen kunde inte skapas: {0}</source>
        <translation>The preview could not be made: {0}</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>renderingsprocessen avslutades ({0})</source>
        <translation>the rendering process ended ({0})</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../kompass_desktop/gui/printing.py" line="-62"/>
        <source>Utskriften sparades inte</source>
        <translation>The printout was not saved</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Förhandsgranska utkast</source>
        <translation>Preview draft</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>
… och {0} till</source>
        <translation>
… and {0} more</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rapporten kan inte skapas än</source>
        <translation>The report cannot be created yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detta saknas för en slutlig rapport:

{0}{1}

Ett utkast kan alltid skrivas ut.</source>
        <translation>This is missing for a final report:

{0}{1}

A draft can always be printed.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Spara rapporten</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Skapar rapporten…</source>
        <translation>Creating the report…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rapporten kunde inte skapas</source>
        <translation>The report could not be created</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Utkastet sparades inte</source>
        <translation>The draft was not saved</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rapporten är sparad</source>
        <translation>The report is saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sparad som {0}
i mappen {1}</source>
        <translation>Saved as {0}
in the folder {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Öppna rapporten</source>
        <translation>Open the report</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Öppna mappen</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Rapporten sparades: {0}</source>
        <translation>Report saved: {0}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Utkastet är klart</source>
        <translation>Draft ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utkastet är skapat. Vill du förhandsgranska och skriva ut det, eller spara det som PDF?</source>
        <translation>The draft has been created. Do you want to preview and print it, or save it as a PDF?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Förhandsgranska och skriv ut…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spara som PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Spara utkastet</source>
        <translation>Save the draft</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <location filename="../../kompass_desktop/gui/wording.py" line="-180"/>
        <source>Politisk ledning</source>
        <translation>Political leadership</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Förtroendevalda (majoritet och opposition)</source>
        <translation>Elected representatives (majority and opposition)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kommundirektör och ledningsgrupp</source>
        <translation>Chief executive and management team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Förvaltningschefer</source>
        <translation>Heads of department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stabs- och stödfunktioner</source>
        <translation>Staff and support functions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enhetschefer</source>
        <translation>Unit managers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fackliga representanter</source>
        <translation>Trade union representatives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kommunala bolag</source>
        <translation>Municipal companies</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Övriga</source>
        <translation>Others</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Pol. ledning</source>
        <translation>Pol. leaders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Förtr.valda</source>
        <translation>Elected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ledningsgr.</source>
        <translation>Mgmt team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Förv.chefer</source>
        <translation>Dept heads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stab</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enh.chefer</source>
        <translation>Unit mgrs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fack</source>
        <translation>Unions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bolag</source>
        <translation>Companies</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Roller (åtskilda med kommatecken)</source>
        <translation>Roles (separated by commas)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Namn (frivilligt, personuppgift)</source>
        <translation>Names (optional, personal data)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Webb</source>
        <translation>Web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webb och sociala medier</source>
        <translation>Web and social media</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Utan källa</source>
        <translation>No source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anteckningar utan källa</source>
        <translation>Notes without a source</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>inga anteckningar</source>
        <translation>no notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poäng utan underlag</source>
        <translation>score without evidence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bara en källa</source>
        <translation>only one source</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>webb</source>
        <translation>web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sociala medier</source>
        <translation>social media</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>överens</source>
        <translation>agreed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>en bedömning</source>
        <translation>one assessment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oense</source>
        <translation>not agreed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ej bedömd</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Styrkor</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Förbättringsmöjligheter</source>
        <translation>Areas for improvement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Svagheter</source>
        <translation>Weaknesses</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ingen poäng satt</source>
        <translation>no score set</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poäng utan underlag (inga anteckningar)</source>
        <translation>score without evidence (no notes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text saknas</source>
        <translation>text missing</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} {1}: utvärderarna har inte enats om poängen ({2})</source>
        <translation>{0} {1}: the evaluators have not agreed on the score ({2})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>inga styrkor</source>
        <translation>no strengths</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inga förbättringsmöjligheter</source>
        <translation>no areas for improvement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inga svagheter</source>
        <translation>no weaknesses</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Område {0} {1}: {2}</source>
        <translation>Area {0} {1}: {2}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sammanfattande kommentarer: text saknas</source>
        <translation>Summary comments: text missing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starkare områden: text saknas</source>
        <translation>Stronger areas: text missing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Svagare områden: text saknas</source>
        <translation>Weaker areas: text missing</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kommunen ”{0}” är inte vald ur kommunregistret: välj den under Redigera → Uppgifter om kommunen och utvärderingen</source>
        <translation>The municipality “{0}” was not chosen from the register of municipalities: choose it under Edit → Municipality and evaluation details</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Utvärderingens datum saknas (uppgifter om utvärderingen)</source>
        <translation>The dates of the evaluation are missing (evaluation details)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Utvärderarnas namn saknas (uppgifter om utvärderingen)</source>
        <translation>The evaluators’ names are missing (evaluation details)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Det nationella medelvärdet är programmets exempeldata: ange SKR:s medelvärdesfil, eller gör rapporten utan nationellt medelvärde</source>
        <translation>The national average is the program’s sample data: choose SKR’s average file, or make the report without the national average</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>sv</source>
        <translation>en</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nationellt medelvärde {0}</source>
        <translation>National average {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nationellt medelvärde</source>
        <translation>National average</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} – EXEMPELDATA</source>
        <translation>{0} – SAMPLE DATA</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0}: version {1} kan inte jämföras med {2}.</source>
        <translation>{0}: version {1} cannot be compared with {2}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>område {0}</source>
        <translation>area {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Område {0} jämförs inte med {1}: {2} är inte jämförbart ({3}).</source>
        <translation>Area {0} is not compared with {1}: {2} is not comparable ({3}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Område {0} jämförs inte med {1}: {2} är inte jämförbart.</source>
        <translation>Area {0} is not compared with {1}: {2} is not comparable.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} gjordes med en annan version: {1}</source>
        <translation>{0} was made with another version: {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} gäller en annan version och visas inte.</source>
        <translation>{0} is for another version and is not shown.</translation>
    </message>
</context>
</TS>
