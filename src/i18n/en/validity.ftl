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
