# ekostyr serve: the server's messages (start line, refusals, API errors).
serve-started = ekostyr workbench: { $url }
serve-stop-hint = Open the address in a web browser. Press Ctrl-C to stop the workbench.
serve-cannot-start = cannot start the workbench: { $reason }
serve-cannot-bind = cannot listen on { $address } port { $port }: { $reason }
serve-bad-dir = cannot serve the folder `{ $dir }`: { $reason }
serve-bad-input = cannot use the workbook `{ $file }`: { $reason }
serve-forbidden-host = unknown host `{ $host }`: the workbench answers only to its own address
serve-forbidden-origin = a request from another site (`{ $origin }`) is refused
serve-forbidden-token = the token is missing or wrong: open the address `ekostyr serve` printed, with `?token=`
serve-outside = `{ $path }` lies outside the folder the workbench serves
serve-not-found = `{ $path }` does not exist
serve-not-rules = `{ $path }` is not a rule file (`.ek`)
serve-cannot-read = cannot read `{ $path }`: { $reason }
serve-bad-json = bad request: { $reason }
serve-too-large = the text is larger than { $cap } MiB
serve-no-such-endpoint = unknown address `{ $path }`
serve-internal = internal error in the workbench
serve-read-only = the workbench is read-only (`--skrivskyddad`): nothing is saved
serve-save-has-errors = `{ $path }` has errors and is not saved (send `force` to save anyway)
serve-no-input = no workbook chosen: send `input` or start with `--input`
serve-no-set = nothing to try: send at least one change in `set`, e.g. `prisindex=3,1 %`
serve-budget-not-base = `{ $from }` is not the file next year's rules build on (`bygger_på`)
serve-not-committed = cannot read the committed version of `{ $path }`: { $reason }
serve-no-repository = the folder is in no git repository
serve-no-commit = the repository has no version yet (no commit)
serve-not-in-commit = the file is not in the latest version (HEAD)
serve-no-rules = no rule file to check the workbook against: send `path`
serve-more-problems = and { $count } more problems
serve-upload-too-large = the file is larger than { $cap } MiB and is not accepted
serve-bad-upload-name = `{ $name }` is not an allowed workbook name (a file name ending in `.xlsx`, `.xlsm`, `.xls` or `.ods`)
