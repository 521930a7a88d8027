# app
# Used by the catalog's own test of plurals.
test-files-checked = { $count ->
    [one] { $count } file
   *[other] { $count } files
}

## What the commands say
app-check-ok = { $file }: ok
app-fmt-would-change = { $file }: would be reformatted
app-fmt-formatted = { $file }: formatted
app-init-wrote = wrote { $file }: edit the values marked REVIDERA, then `ekostyr check { $file }`
app-progress-reading = reading Utfall: { $rows } rows ({ $rate })
app-run-xlsx-needs-file = an xlsx report is written to a file: add `-o report.xlsx`
app-test-no-expectations = { $file }: no expectations
app-test-ok = ok
app-test-fail = FAIL
app-test-error = ERROR
app-test-summary = { $passed } passed, { $failed } failed{ $errors ->
    [0] {""}
    [one] , 1 error
   *[other] , { $errors } errors
}
app-verify-reproduces = { $file }: reproduces exactly
app-verify-does-not-reproduce = { $file }: does not reproduce
app-cannot-write-stdout = cannot write to standard output: { $reason }

## Files
io-cannot-read = { $file }: cannot read: { $reason }
io-not-found = no such file
io-permission-denied = permission denied
io-not-utf8 = the file is not UTF-8 text

## Sessions: what to evaluate
session-previous-without-builds-on = `--previous-input` is given but the rules have no `bygger_på`
session-bad-period = `--period { $period }`: { $reason }
session-period-not-in-year = `--period { $period }` is not in { $year }, the year of the rules

## init
init-year-not-after = `init { $year }`: the new year must come after { $old_year }, the year of { $file }
init-exists = { $file } already exists; `init` never overwrites a rule file

## verify
verify-cannot-read = cannot read the report: { $reason }
verify-not-json = not a JSON report: { $reason }
verify-no-provenance = the report names no rule file or input (was it written with `--format json`?)
verify-line-differs = line { $line }: was `{ $was }`, now `{ $now }`
verify-length-differs = the report's length differs
verify-different-report = the same files give a different report ({ $line }); was it written by another engine version?
verify-file-missing = { $file }: missing
verify-file-changed = { $file }: changed (sha256 was { $was }, now { $now })
app-template-wrote = wrote { $file }: { $budget } Budget rows, { $volume } Volymer rows

## --set: what-ifs
set-form = `--set { $text }`: write `--set name=value`, e.g. `--set prisindex=3,1%`
set-bad-value = `--set { $text }`: { $reason }
set-wrong-unit = `--set { $text }`: `{ $name }` is in `{ $unit }` but the value is in `{ $given }`
set-needs-percent = `--set { $text }`: `{ $name }` is a percentage; write it with `%`, e.g. `{ $example }`
set-name-one-entry = `--set { $text }`: name one entry of the table `{ $name }`
set-no-such-local = `--set`: `{ $assignment }` has no parameter `{ $name }`
set-too-many-parts = `--set`: `{ $name }` has too many parts
set-no-such-entry = `--set`: `{ $name }` has no entry `{ $key }`
set-unknown = `--set`: unknown parameter `{ $name }`{ $hint }
app-fmt-cannot-read = { $file }: cannot read: { $reason }
