# validity: messages of the validity work (issue 9).
syntax-rule-valid-to = `till YYYY-MM`
syntax-rule-validity = a validity (`från YYYY-MM`, `till YYYY-MM` or both)
validity-other-year = `{ $month }` is not in the file's year { $year }
validity-other-year-hint = validity is given in months of { $year }, e.g. `från { $year }-05`
validity-empty = `från` is after `till`: the validity covers no month
validity-empty-hint = write the first month after `från` and the last after `till`
validity-note-part-not-valid = the part does not apply in the period (it applies { $months })
validity-heading-reports = MID-YEAR CHANGES AND REPORTING BACK (kr)
validity-col-change = Change
validity-col-kind = Kind
validity-col-amount = Amount
validity-col-decision = Decision
validity-col-report = Report back
validity-col-due = Due
validity-decision-no-dnr = { $board } { $date } (no dnr)
validity-sheet-reports = Reporting back
validity-explain-label = { $label } ({ $months })
validity-explain-outside = { $label }: the compensation does not apply ({ $months })
validity-explain-part = { $label } (the part applies { $months }: { $n } of the period's { $len } months count)
validity-explain-fixed-spread = fixed: the annual amount spread evenly over the months { $months }, rounded to öre, the remainder on the last
validity-explain-change-months = { $label } (months { $from }–{ $to })
syntax-rule-param-step = `från YYYY-MM = …`
validity-step-not-increasing = `från { $month }` does not come after { $previous }
validity-step-not-increasing-hint = the first value applies from January; each `från YYYY-MM = …` needs a later month than the line before
validity-step-unit = `{ $name }` gets { $unit } from this month but is { $first } at first
validity-step-unit-hint = write the value in the unit of the first value ({ $first })
validity-explain-step-month = { $label } (the value in force that month)
validity-explain-step-mean = { $label } (month-weighted mean of { $steps })
validity-explain-step-year-end = { $label } (the value at the end of the year, December: { $steps })
validity-report-due = { $text } (due { $due })
validity-hint-steps-after-table = only a parameter with a single value can change its value during the year (`parameter timpris = 480 kr/timme` followed by `från 2023-07 = 495 kr/timme`), not a table
validity-step-in-january = `från { $month }`: the first value already applies from January
