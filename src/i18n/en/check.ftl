# check: rule-file diagnostics (syntax, checker, formatter) and their rendering

## Rendering (diagnostic.rs)
diag-error = error
diag-warning = warning
diag-note = note
diag-hint = hint
diag-summary = { $file }: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
diag-did-you-mean = did you mean { $names }?
diag-or = { $a } or { $b }

## Syntax: what the parser expected and found
syntax-expected-found = expected { $expected }, found { $found }
syntax-not-expected = did not expect { $found }
syntax-end-of-file = the end of the file
syntax-end-of-declaration = the end of the declaration
syntax-end-of-line = the end of the line
syntax-a-space = a space
syntax-a-tab = a tab
syntax-a-digit = a digit
syntax-a-number = a number
syntax-a-name = a name
syntax-a-unit = a unit
syntax-brace-not-closed = this `{"{"}` is not closed
syntax-new-assignment-line = a new line in the assignment (`del`, `ersättning`, `nyckeltal`, …)
syntax-new-key-figure-line = a new line in the key figure (`värde`, `intervall`, `mål`, …)
syntax-new-change-line = a new line in the change (`typ`, `belopp`, `från`, `återrapportering`)
syntax-an-expectation = an expectation (`budget`, `volym`, `utfall`, `indata` or `uppdrag.figur = …`)

## Syntax: human names of grammar rules
syntax-rule-comment = a comment
syntax-rule-keyword = a keyword
syntax-rule-letter = a letter
syntax-rule-member = a name after `.`
syntax-rule-string = a string in double quotes
syntax-rule-digit-group = three digits
syntax-rule-year = a year such as `2023`
syntax-rule-month = a month such as `2024-07`
syntax-rule-date = a date such as `2023-06-19`
syntax-rule-version-number = a version number such as `1.0`
syntax-rule-unit = a unit (`kr`, `tkr`, `mnkr`, `timmar`, `dygn`, `platser`, `årsarbetare`, `besök`, `%`, `kr/timme`, …)
syntax-rule-file = a rule file
syntax-rule-declaration = a declaration
syntax-rule-quantity = a number with an optional unit
syntax-rule-item = a declaration (`parameter`, `mått`, `nämnd`, `förvänta`, or a header such as `år`)
syntax-rule-header-year = `år YYYY`
syntax-rule-header-builds-on = `bygger_på "file.ek"`
syntax-rule-header-beslut = `beslut "nämnd" YYYY-MM-DD dnr "…"`
syntax-rule-parameter = a parameter
syntax-rule-param-value = a parameter value
syntax-rule-table = a table `per del {"{"} … {"}"}`
syntax-rule-table-entry = a table entry `name: value`
syntax-rule-measure = a measure `mått budget|volym name: unit`
syntax-rule-measure-kind = `budget` or `volym`
syntax-rule-assignment-item = an assignment item (`del`, `id`, `ersättning`, `nyckeltal`, …)
syntax-rule-activity = an activity `"name" id …`
syntax-rule-id-codes = `id` codes
syntax-rule-id-code = an ID code such as `L1401`
syntax-rule-code = an ID code
syntax-rule-id-prefix = an ID prefix such as `L14*`
syntax-rule-id-range = an ID range such as `L1401..L1409`
syntax-rule-compensation-kind = `fast` or `rörlig`
syntax-rule-key-figure-item = a key figure item (`värde`, `intervall`, `mottagare`, `ansvarig`, `från`, `mål`, `per del`, `påverkan`)
syntax-rule-interval = an interval ({ $intervals })
syntax-rule-kf-from = `från YYYY`
syntax-rule-target = a target (`>= 95 %`, `<= 1 %` or `95 % .. 105 %`)
syntax-rule-target-op = `>=` or `<=`
syntax-rule-change-item = a change item (`typ`, `belopp`, `från`, `återrapportering`)
syntax-rule-change-type = a change kind (`statsbidrag`, `övertagande`, `större_förändring`, `riktad_satsning` or `justering`)
syntax-rule-change-from = `från YYYY-MM`
syntax-rule-expr = a formula
syntax-rule-infix = an operator
syntax-rule-prefix = `-` or `inte`
syntax-rule-primary = a value (a number, a name, a function call or `(`)
syntax-rule-paren = a formula in parentheses
syntax-rule-call = a function call
syntax-rule-function = a function (`min`, `max`, `avrunda`, `budget`, `volym`)
syntax-rule-expect-item = an expectation line
syntax-rule-expect-volume = `volym YYYY-MM uppdrag.del.mått = …`
syntax-rule-expect-ledger = `utfall YYYY-MM ID = …`
syntax-rule-path = a dotted name such as `vårdboende.fast`

## Syntax: errors and hints
syntax-hint-comparison = comparison is written `==`; a definition is `låt name = …`
syntax-hint-target = a target is written `mål >= 95 %`, `mål <= 1 %` or `mål 95 % .. 105 %`
syntax-hint-semicolon = separate function arguments and table entries with `;`, as in Swedish Excel
syntax-hint-comma = separate the names with `,`
syntax-hint-braces = check that every `{"{"}` has a matching `{"}"}`
syntax-hint-brace-too-many = check that every `{"{"}` has a matching `{"}"}`: one too many ends the declaration early
syntax-hint-thousands = write thousands in groups of three digits, e.g. `18 400 000`
syntax-string-not-closed = the string is not closed before the end of the line
syntax-hint-close-string = end it with `"` on the same line
syntax-unknown-unit = unknown unit `{ $unit }`
syntax-glued-to-number = `{ $word }` is written right after a number
syntax-hint-space-before-unit = put a space between the number and its unit: `… { $unit }`
syntax-hint-space-after-number = put a space or an operator between the number and what follows
syntax-units-are = units are `kr`, `tkr`, `mnkr`, `timmar`, `dygn`, `platser`, `årsarbetare`, `besök`, `brukare`, `dagar`, `månader`, `veckor`, `st`, `%` and quotients such as `kr/timme`
syntax-internal-unexpected = internal: unexpected { $what }
syntax-not-a-year = `{ $text }` is not a year
syntax-number-too-large = `{ $text }` is not a number that fits
syntax-hint-significant-digits = numbers have at most 28 significant digits
syntax-formula-too-long = the formula is too long (more than { $max } operators)
syntax-formula-too-deep = the formula is nested too deeply (more than { $max } levels)
syntax-hint-split-formula = split it into `låt` bindings
syntax-not-a-number = `{ $text }` is not a number

## Checker: reading files
check-cannot-read = { $path }: cannot read the rule file: { $reason }
check-no-such-file = no such file
check-not-utf8 = the file is not UTF-8 text
check-circular-builds-on = circular `bygger_på`: { $chain }
check-base-has-errors = `{ $file }` has errors, so this file cannot use its values
check-cannot-read-base = cannot read `{ $path }`, named by `bygger_på`: { $reason }
check-hint-builds-on-relative = `bygger_på` is relative to the directory of this file

## Checker: header
check-given-twice = `{ $field }` is given twice
check-given-twice-in = `{ $field }` is given twice in `{ $owner }`
check-first-given-here = first given here
check-header-missing = the header has no `{ $field }`
check-hint-add-at-top = add `{ $example }` at the top of the file
check-not-budget-year = `{ $year }` is not a plausible budget year
check-not-a-date = `{ $date }` is not a date
check-hint-date-format = write the date as `YYYY-MM-DD`
check-hint-months = months are 01–12
check-hint-days-in-month = `{ $month }` has { $days } days
check-version-step = version `{ $version }` does not follow version `{ $previous }` of `{ $base }` ({ $year })
check-hint-version-same-year = a change during the same year takes the next decimal step: `version { $expected }`
check-hint-version-new-year = a new budget year takes the next whole version number: `version { $expected }`

## Checker: declarations
check-declared-twice = { $kind ->
    [measure] measure
    [parameter] parameter
    [table-entry] table entry
    [board] board
    [care-form] care form
    [assignment] assignment
    [part] part
    [key-figure] key figure
    [change] change
   *[name] name
} `{ $name }` is declared twice
check-first-declared-here = first declared here
check-builtin-parameter = `{ $name }` is a built-in name and cannot be a parameter
check-builtin-name = `{ $name }` is a built-in name
check-measure-unit-scaled = a measure's unit cannot be scaled or a percentage
check-hint-measure-units = use `kr`, `timmar`, `dygn`, `platser`, …
check-number-too-large = the number is too large
check-table-empty = the table `{ $name }` is empty
check-table-mixed-units = `{ $key }` is { $unit } but the first entry of `{ $table }` is { $first }
check-hint-table-same-unit = every entry of a table has the same unit
check-plain-number = a plain number
check-in-unit = in `{ $unit }`
check-per-part-without-parts = `{ $name }` is a table `per del` but there are no parts here
check-hint-per-part-inside = declare tables `per del` inside an assignment that has `del` lines
check-not-a-part-here = `{ $name }` is not a part of this assignment
check-table-missing-parts = `{ $name }` has no value for { $parts }
check-hint-table-every-part = a table `per del` needs one entry for every part
check-no-assignments = the file declares no assignments
check-hint-declare-assignments = declare them as `nämnd … {"{"} vårdform … {"{"} uppdrag … {"{"} … {"}"} {"}"} {"}"}`
check-has-no = `{ $owner }` has no `{ $name }`
check-hint-source = point at the section of the governing document, e.g. `källa "Ekonomistyrning, avsnitt Dagverksamhet"`
check-no-codes = `{ $name }` has no ledger ID codes, so its cost is always zero
check-hint-add-codes = add `id L140*` or `id` codes on its parts
check-hint-one-formula = write one formula; add terms with `+`
check-key-figure-missing = key figure `{ $name }` has no `{ $field }`
check-hint-add = add { $code }
check-not-plausible-year = `{ $year }` is not a plausible year
check-target-range-empty = the target range is empty: its low end is above its high end
check-hint-target-range = write the range low `..` high
check-change-missing = change `{ $name }` has no { $fields }
check-hint-change-needs = a change needs `typ`, `belopp = … kr` and `från YYYY-MM`
check-change-other-year = the change starts in { $start } but this file is for { $year }
check-hint-change-year = a change during the year starts in a month of { $year }
check-not-a-month = `{ $month }` is not a month

## Checker: ledger ID codes
check-id-range-lengths = the ID range `{ $range }` has ends of different length
check-hint-id-range-lengths = a range runs between codes of the same length, e.g. `L1401..L1409`; use a prefix `L14*` for all codes that start with `L14`
check-id-range-empty = the ID range `{ $range }` is empty: `{ $low }` comes after `{ $high }`
check-activity-label = `{ $assignment }` (activity "{ $activity }")
check-codes-overlap = ID code `{ $code }` of { $owner } overlaps `{ $other }` of { $other_owner }
check-other-code-here = the other code is here
check-hint-codes-disjoint = a ledger code belongs to one place; make the codes of these { $what ->
    [assignments] assignments
    [activities] activities
   *[parts] parts
} disjoint

## Checker: formulas
check-write = write { $code }
check-truth-value = a truth value
check-unknown-type = unknown
check-not-kronor = { $what ->
    [compensation] a compensation
   *[change] a change's amount
} must come out in kronor, but this comes out in { $ty }
check-hint-kronor = multiply volumes by a price (`kr/timme`, `kr/dygn`) or places by a price per place (`kr/plats`)
check-per-part-no-parts = key figure `{ $name }` is `per del` but `{ $assignment }` has no parts
check-key-figure-truth = a key figure must be a number, but this is a truth value
check-target-unit = the target is in { $target } but `{ $name }` is in { $unit }
check-hint-target-unit = write the target in the key figure's unit
check-one-value-needed = this formula has one value per part, but here one value is needed
check-hint-sum-parts = sum it over the parts with `summa(…)`
check-not-needs-truth = `inte` needs a truth value, but this is { $ty }
check-negate-truth = cannot negate a truth value
check-hint-use-inte = use `inte`
check-condition-not-comparison = the condition of `om` must be a comparison, but this is { $ty }
check-hint-compare-with = compare with `>=`, `<=`, `>`, `<`, `==` or `!=`
check-branches-differ = the two branches of `om` differ: { $then } and { $else }
check-then-branch-here = the `då` branch is here
check-sum-outside-assignment = `summa(…)` sums over an assignment's parts and is used inside an assignment
check-sum-in-sum = `summa(…)` is already inside a sum over the parts
check-sum-no-parts = `summa(…)` sums over the parts, but `{ $assignment }` has no parts
check-hint-sum-no-parts = declare parts with `del`, or drop `summa`
check-sum-truth = cannot sum truth values
check-mismatch = { $op ->
    [add] cannot add { $left } and { $right }
    [subtract] cannot subtract { $left } and { $right }
    [multiply] cannot multiply { $left } and { $right }
    [divide] cannot divide { $left } and { $right }
    [combine] cannot combine with `och`/`eller` { $left } and { $right }
   *[compare] cannot compare { $left } and { $right }
}
check-hint-same-unit = both sides must have the same unit; convert with a price such as `kr/timme`
check-hint-logic-takes-comparisons = `och`, `eller` and `om` take comparisons; arithmetic takes numbers
check-cycle = these formulas depend on each other in a cycle: { $cycle }
check-hint-cycle = one of them must be computed without the others

## Checker: names
check-not-in-previous = `{ $assignment }` is not in the previous year's file
check-hint-name-continued = name the assignment it continues: `föregående.<uppdrag>.{ $name }`
check-outside-assignment = `{ $name }` belongs to an assignment and can only be used inside one
check-table-needs-entry = `{ $name }` is a table; say which entry
check-not-a-table = `{ $name }` is a single value, not a table
check-no-entry = `{ $table }` has no entry `{ $key }`
check-unknown-name = unknown name `{ $name }`
check-unknown-name-previous = unknown name `{ $name }` in the previous year's file
check-min-max-arguments = `{ $function }` takes two or more values separated by `;`
check-min-max-units = `{ $function }` compares values of one unit, but this is { $ty } and the first is { $first }
check-round-arguments = `avrunda` takes a value and a number of decimals: `avrunda(x; 2)`
check-round-decimals = the number of decimals must be a whole number from 0 to 28
check-measure-call-outside = `{ $function }(…)` reads an assignment's inputs and is used inside an assignment
check-measure-call-arguments = `{ $function }` takes a measure and optionally a part: `{ $function }(platser)` or `{ $function }(platser; somatik)`
check-measure-call-name = `{ $function }` takes the name of a measure
check-unknown-measure = unknown measure `{ $name }`
check-hint-declare-measure = declare it with `mått budget …: unit` or `mått volym …: unit`
check-wrong-measure-kind = `{ $name }` is a `{ $kind }` measure
check-not-a-part-of = `{ $name }` is not a part of `{ $assignment }`
check-part-as-name = the part is written as its name, e.g. `somatik`
check-previous-without-builds-on = `föregående` refers to the previous year, but this file has no `bygger_på`
check-hint-add-builds-on = add `bygger_på "{ $file }"` to the header

## Checker: expectations
check-hint-ledger-kronor = an amount of the ledger is in kronor, e.g. `1 250 000 kr`
check-month-not-of-year = `{ $month }` is not a month of { $year }, the year of this file
check-hint-expectation-year = expectations are about { $year }: write `{ $month }`
check-hint-volume-line = write `volym YYYY-MM { $path } = …`
check-hint-budget-line = write `budget { $path } = …`
check-measure-in = the measure `{ $name }` is in `{ $unit }`
check-no-figure = `{ $assignment }` has no key figure or amount `{ $name }`
check-hint-plain-key-figure = `{ $name }` is a plain number: write it as `95 %` or `0,95`
check-key-figure-in = `{ $name }` is in `{ $unit }`
check-not-per-part = `{ $name }` is not reported per part
check-transfer-needs-month = `{ $name }` is one month's transfer: give the month
check-hint-amount-kronor = an amount is in kronor, e.g. `18 400 000 kr`
check-per-part = `{ $name }` is reported per part
check-one-part-only = `{ $name }` takes one part and nothing after it
check-delar-months = `{ $name }` is followed up per delår: March, August and the full year
check-yearly-no-month = `{ $name }` is followed up for the year (årsvis)
check-hint-leave-out-month = leave out the month
check-a-percentage = a percentage
check-plain-number-or-percentage = a plain number or a percentage
check-value-unit = this value is { $written }, but it should be { $wanted }
check-unknown-assignment = unknown assignment `{ $name }`
check-hint-no-parts = `{ $assignment }` has no parts
check-hint-parts-are = the parts of `{ $assignment }` are { $parts }
check-not-a-value = `{ $path }` does not name a value

## Formatter
fmt-meaning-changed = internal: the formatter changed the meaning of the file ({ $reason })
fmt-reason-does-not-parse = its output does not parse
fmt-reason-tree-differs = the syntax tree differs
fmt-reason-comment-lost = a comment was lost or reordered
fmt-hint-bug = this is a bug in ekostyr; the file was left as it was
