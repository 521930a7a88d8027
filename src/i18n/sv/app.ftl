# app
# Used by the catalog's own test of plurals.
test-files-checked = { $count ->
    [one] { $count } fil
   *[other] { $count } filer
}

## What the commands say
app-check-ok = { $file }: ok
app-fmt-would-change = { $file }: skulle formateras om
app-fmt-formatted = { $file }: formaterad
app-init-wrote = skrev { $file }: sätt värdena märkta REVIDERA, kör sedan `ekostyr check { $file }`
app-progress-reading = läser Utfall: { $rows } rader ({ $rate })
app-run-xlsx-needs-file = en xlsx-rapport skrivs till en fil: lägg till `-o rapport.xlsx`
app-test-no-expectations = { $file }: inga förväntningar
app-test-ok = ok
app-test-fail = FEL
app-test-error = AVBRUTEN
app-test-summary = { $passed } rätt, { $failed } fel{ $errors ->
    [0] {""}
    [one] , 1 block kunde inte köras
   *[other] , { $errors } block kunde inte köras
}
app-verify-reproduces = { $file }: återskapas exakt
app-verify-does-not-reproduce = { $file }: återskapas inte
app-cannot-write-stdout = kan inte skriva till standard ut: { $reason }

## Files
io-cannot-read = { $file }: kan inte läsas: { $reason }
io-not-found = filen finns inte
io-permission-denied = behörighet saknas
io-not-utf8 = filen är inte UTF-8-text

## Sessions: what to evaluate
session-previous-without-builds-on = `--previous-input` är angivet men reglerna har inget `bygger_på`
session-bad-period = `--period { $period }`: { $reason }
session-period-not-in-year = `--period { $period }` ligger inte i { $year }, reglernas år

## init
init-year-not-after = `init { $year }`: det nya året måste komma efter { $old_year }, året i { $file }
init-exists = { $file } finns redan; `init` skriver aldrig över en regelfil

## verify
verify-cannot-read = kan inte läsa rapporten: { $reason }
verify-not-json = inte en JSON-rapport: { $reason }
verify-no-provenance = rapporten namnger ingen regelfil eller indata (skrevs den med `--format json`?)
verify-line-differs = rad { $line }: var `{ $was }`, nu `{ $now }`
verify-length-differs = rapporternas längd skiljer sig
verify-different-report = samma filer ger en annan rapport ({ $line }); skrevs den av en annan version av ekostyr?
verify-file-missing = { $file }: saknas
verify-file-changed = { $file }: ändrad (sha256 var { $was }, nu { $now })
app-template-wrote = skrev { $file }: { $budget } rader i Budget, { $volume } rader i Volymer

## --set: what-ifs
set-form = `--set { $text }`: skriv `--set namn=värde`, t.ex. `--set prisindex=3,1%`
set-bad-value = `--set { $text }`: { $reason }
set-wrong-unit = `--set { $text }`: `{ $name }` är i `{ $unit }` men värdet är i `{ $given }`
set-needs-percent = `--set { $text }`: `{ $name }` är en procentsats; skriv den med `%`, t.ex. `{ $example }`
set-name-one-entry = `--set { $text }`: ange en post i tabellen `{ $name }`
set-no-such-local = `--set`: `{ $assignment }` har ingen parameter `{ $name }`
set-too-many-parts = `--set`: `{ $name }` har för många led
set-no-such-entry = `--set`: `{ $name }` har ingen post `{ $key }`
set-unknown = `--set`: okänd parameter `{ $name }`{ $hint }
app-fmt-cannot-read = { $file }: kan inte läsas: { $reason }
