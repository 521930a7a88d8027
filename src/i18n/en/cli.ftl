# cli: the command line's help, from the clap definitions in src/cli.rs
cli-about = ekostyr — the economic steering of service assignments, as rules you can test
cli-arg-lang = Language of messages and labels: `sv` (the default) or `en` (also when `LANG` is `en*`)
cli-flag-help = Print help
cli-flag-version = Print version
cli-heading-usage = Usage
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments

cli-run-about = Evaluate rules against a workbook: transfers, compensation, result, key figures
cli-run-rules = The year's rule file, e.g. `rules/2023.ek`
cli-run-input = The workbook (xlsx, xlsm, xls, ods) or a folder of CSV files
cli-run-period = Year to date up to this month, with a full-year forecast (`YYYY-MM`, `YYYYMM` or `YYYY-MM-DD`); rows of later months are not read and may be empty
cli-run-previous_input = The previous year's workbook, for `föregående` values that need inputs
cli-run-format = Output format: `table` (the default), `csv`, `json` or `xlsx`
cli-run-output = Write to this file (atomically) instead of standard output
cli-run-overrides = What-if: override a parameter, e.g. `--set prisindex=3,1%`
cli-run-csv_dialect = The CSV dialect: `sv` for Swedish Excel (default: `;`, decimal comma, BOM) or `en` for `,` and decimal points

cli-check-about = Parse, resolve names and check units; report every problem with its place
cli-check-files = Rule files

cli-fmt-about = Print rule files in the one canonical layout
cli-fmt-files = Rule files (formatted in place)
cli-fmt-check = Change nothing; exit 1 and name the files that would change

cli-diff-about = What changed between two years' rules, and what it costs
cli-diff-old = The old year's rules
cli-diff-new = The new year's rules
cli-diff-input = Evaluate the new rules on this workbook to show the impact in kronor
cli-diff-previous_input = The old year's workbook (default: the same as `--input`)
cli-diff-format = Output format: `text` (the default), `json` or `md` (Markdown for a board memo)

cli-init-about = Start next year's rule file from this year's
cli-init-year = The new budget year
cli-init-from = This year's rule file

cli-explain-about = The derivation of one figure, down to parameters and input cells
cli-explain-rules = The rules
cli-explain-input = The workbook
cli-explain-target = `uppdrag`, `uppdrag.fast`, `uppdrag.rörlig`, `uppdrag.förändringar`, `uppdrag.kostnad`, `uppdrag.resultat`, `uppdrag.<nyckeltal>`, `uppdrag.överföring[2023-07]`
cli-explain-period = Year to date up to this month
cli-explain-format = Output format: `text` (the default) or `json`

cli-test-about = Run the `förvänta` expectations written next to the rules
cli-test-files = Rule files or directories of them

cli-template-about = Write an empty input workbook with the sheets, columns and names the rules read
cli-template-rules = The rules
cli-template-output = Where to write the workbook
cli-template-period = Only this month's rows (`YYYY-MM`), to fill in and add with `ekostyr append`
cli-append-about = Add a filled month's rows (Utfall, Volymer) to the year's workbook or CSV folder
cli-append-rules = The year's rule file (the month's rows are checked against it)
cli-append-input = The year's workbook (xlsx) or CSV folder to add to; an xlsx is rewritten from its cells' values (formatting is not kept)
cli-append-month = The filled month's workbook or CSV folder (e.g. from `template --period`)

cli-verify-about = Re-run a JSON report from the files it names and say whether it reproduces
cli-verify-report = A report written with `--format json`

cli-rapport-about = The board report: one self-contained HTML file (or PDF) with tables and charts per board
cli-rapport-rules = The year's rule file
cli-rapport-input = The workbook or a folder of CSV files
cli-rapport-period = Year to date up to this month, with a full-year forecast (`YYYY-MM`)
cli-rapport-board = One board only, by its id (`ÄN`, `SON`)
cli-rapport-previous_input = Last year's workbook: the comparison with last year
cli-rapport-unit = Unit of money: `kr`, `tkr` (default) or `mnkr`
cli-rapport-output = The report file; its extension chooses the format (`.html` or `.pdf`)
cli-value-board = BOARD
cli-value-unit = UNIT

cli-completions-about = Print a shell completion script (`ekostyr completions bash > ~/.local/share/bash-completion/completions/ekostyr`)
cli-completions-shell = The shell: `bash`, `zsh`, `fish`, `elvish` or `powershell`

cli-serve-about = The workbench: a local web page over a folder of rule files and workbooks
cli-serve-dir = The folder of rule files (default: `rules` if there is one, else the current folder)
cli-serve-input = The workbook chosen at the start; its folder is served too
cli-serve-port = The port to listen on; 0 picks a free one
cli-serve-read_only = Read-only: every write (save, upload) is refused
cli-serve-address = The address to listen on (default: this computer only, 127.0.0.1)
cli-value-dir = FOLDER
cli-value-port = PORT
cli-value-address = ADDRESS

# Placeholders for values in usage lines
cli-value-lang = LANG
cli-value-rules = RULES
cli-value-input = WORKBOOK
cli-value-period = YYYY-MM
cli-value-month = MONTH_FILE
cli-value-previous_input = WORKBOOK
cli-value-format = FORMAT
cli-value-output = FILE
cli-value-overrides = NAME=VALUE
cli-value-csv_dialect = DIALECT
cli-value-files = FILES
cli-value-old = OLD
cli-value-new = NEW
cli-value-year = YEAR
cli-value-from = RULES
cli-value-target = TARGET
cli-value-report = REPORT
cli-value-shell = SHELL
cli-usage-options = [OPTIONS]
cli-usage-command = [COMMAND]

# Errors in the command line
cli-error = error
cli-error-missing = these arguments are missing: { $args }
cli-error-unknown-argument = unknown argument `{ $arg }`
cli-error-unknown-command = unknown command `{ $command }`
cli-error-invalid-value = invalid value `{ $value }` for `{ $arg }`{ $valid ->
    [none] {""}
   *[other] ; possible values: { $valid }
}
cli-error-missing-command = give a command
cli-error-did-you-mean = hint: did you mean `{ $name }`?
cli-error-more = For more information, try `--help`
cli-arg-rot = Also read files under this folder when rule files and reports name them (otherwise only in the naming file's folder)
cli-value-rot = DIR
cli-arg-max_rader = Most data rows of any input sheet for this run (default 500 000 in Volymer, Budget and Prognos, 20 000 000 in Utfall); more rows take more memory
cli-value-max_rader = COUNT
cli-arg-max_celler = Most cells a sheet of an xls or ods may span (default 10 000 000); such sheets are read whole into memory
cli-value-max_celler = COUNT

# budget
cli-budget-about = The compensation bridge: from last year's compensation to next year's, step by step
cli-budget-rules = Next year's rule file (building on last year's with `bygger_på`)
cli-budget-input = Last year's workbook: the start, and the volumes next year's variable compensation is estimated on
cli-budget-budget = Next year's workbook with its Budget sheet (Utfall and Volymer may be empty or missing)
cli-budget-volymer = Next year's workbook with planned monthly volumes (its Volymer sheet); without it the variable compensation is estimated on last year's volumes
cli-budget-format = Output format: `table` (default), `md`, `json` or `xlsx`
cli-budget-output = Write to this file (atomically) instead of standard output
cli-value-budget = WORKBOOK
cli-value-volymer = WORKBOOK
