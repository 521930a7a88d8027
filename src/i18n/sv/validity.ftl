# validity: messages of the validity work (issue 9).
syntax-rule-valid-to = `till ÅÅÅÅ-MM`
syntax-rule-validity = en giltighet (`från ÅÅÅÅ-MM`, `till ÅÅÅÅ-MM` eller båda)
validity-other-year = `{ $month }` ligger inte i filens år { $year }
validity-other-year-hint = giltigheten anges i månader av { $year }, t.ex. `från { $year }-05`
validity-empty = `från` ligger efter `till`: giltigheten omfattar ingen månad
validity-empty-hint = skriv den första månaden efter `från` och den sista efter `till`
validity-note-part-not-valid = delen gäller inte under perioden (den gäller { $months })
validity-heading-reports = FÖRÄNDRINGAR AV MEDEL OCH ÅTERRAPPORTERING (kr)
validity-col-change = Förändring
validity-col-kind = Typ
validity-col-amount = Belopp
validity-col-decision = Beslut
validity-col-report = Återrapportering
validity-col-due = Senast
validity-decision-no-dnr = { $board } { $date } (dnr saknas)
validity-sheet-reports = Återrapportering
