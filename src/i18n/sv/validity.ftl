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
validity-explain-label = { $label } ({ $months })
validity-explain-outside = { $label }: ersättningen gäller inte ({ $months })
validity-explain-part = { $label } (delen gäller { $months }: { $n } av periodens { $len } månader räknas)
validity-explain-fixed-spread = fast: årsbeloppet fördelat lika över månaderna { $months }, avrundat till öre, resten på den sista
validity-explain-change-months = { $label } (månad { $from }–{ $to })
syntax-rule-param-step = `från ÅÅÅÅ-MM = …`
validity-step-not-increasing = `från { $month }` kommer inte efter { $previous }
validity-step-not-increasing-hint = det första värdet gäller från januari; varje `från ÅÅÅÅ-MM = …` ska ha en senare månad än raden före
validity-step-unit = `{ $name }` får { $unit } från den här månaden men är { $first } från början
validity-step-unit-hint = skriv värdet i samma enhet som det första värdet ({ $first })
validity-explain-step-month = { $label } (värdet som gäller månaden)
validity-explain-step-mean = { $label } (månadsvägt medel av { $steps })
validity-explain-step-year-end = { $label } (värdet vid årets slut, december: { $steps })
validity-report-due = { $text } (senast { $due })
validity-hint-steps-after-table = bara en parameter med ett enda värde kan byta värde under året (`parameter timpris = 480 kr/timme` följd av `från 2023-07 = 495 kr/timme`), inte en tabell
validity-step-in-january = `från { $month }`: det första värdet gäller redan från januari
