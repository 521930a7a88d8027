# params: messages of the params work (issue 9).

## Parameter unit declarations
params-rule-param-unit = a unit declaration (`: %`)
params-declared-here = the unit is declared here
params-declared-percent-bare = `{ $name }` is declared in `%`, but the value { $value } has no `%`
params-hint-write-percent = write `{ $value } %`
params-declared-unit-mismatch = `{ $name }` is declared in `{ $unit }`, but the value { $value } is { $given }
params-hint-declared-unit = write the value in `{ $unit }` (`{ $value } { $unit }`) or change the declaration
params-warn-forgotten-percent = `{ $name }` is the number { $value } without a unit, so `1 + { $name }` more than doubles
params-hint-forgotten-percent = did you mean `{ $value } %`? Write `parameter { $name } = { $value } %`, or declare the unit: `parameter { $name }: % = { $value } %`

## Decisions
params-decision-twice = `{ $board }` already has a decision dated { $date }
params-hint-decision-twice = one decision per board and date; remove one or correct the date
params-dnr-missing = no dnr

## Per-part and pooled results
params-what-parts = the compensation per part of `{ $assignment }`
params-what-pooled = the pooled result
params-unsplit = Not split by part
params-pooled-board = Pooled result { $board }
params-pooled-total = Pooled result, total
params-decision = Decision
params-heading-parts = PER PART: COMPENSATION, COST AND RESULT (kr)
params-col-assignment-part = Assignment / part
params-heading-pooled = POOLED RESULT PER BOARD (kr)
params-col-part = Part
params-col-date = Date
params-col-about = About
params-sheet-parts = Per part
params-sheet-pooled = Pooled result
params-sheet-decisions = Decisions
params-part-figure-no-month = `{ $name }` per part is the year's, not a month's
params-hint-figures-per-part = per part there are `kostnad`, `ersättning` and `resultat`
params-expect-no-board = no board is called `{ $name }`
params-expect-boards-are = the boards are { $boards }; `totalt` is all assignments
params-expect-pooled-figure = a pooled result has no `{ $name }`
params-expect-pooled-month = a pooled result is for the year (or the period), not a month
params-expect-pooled-month-hint = remove `[YYYY-MM]`
