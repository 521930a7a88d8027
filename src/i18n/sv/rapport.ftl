# rapport: nämndrapporten (`ekostyr rapport`), dess vymodell, HTML och diagram
rapport-title = Nämndrapport
rapport-unknown-board = `--nämnd`: okänd nämnd `{ $board }`; kända nämnder: { $known }
rapport-month = { $month ->
    [1] januari
    [2] februari
    [3] mars
    [4] april
    [5] maj
    [6] juni
    [7] juli
    [8] augusti
    [9] september
    [10] oktober
    [11] november
   *[12] december
}
rapport-month-short = { $month ->
    [1] jan
    [2] feb
    [3] mar
    [4] apr
    [5] maj
    [6] jun
    [7] jul
    [8] aug
    [9] sep
    [10] okt
    [11] nov
   *[12] dec
}
rapport-period-year = helåret { $year }
rapport-method-linear = fast ersättning i sin helhet; rörlig ersättning och kostnad linjärt framskrivna
rapport-method-last-year = fast ersättning i sin helhet; rörlig ersättning och kostnad för återstående månader som samma månader föregående år
rapport-method-provider = utförarens egen prognos (bladet Prognos)
rapport-part-unsplit = Ej fördelat på del
rapport-sum = Summa
rapport-file-rules = Regler
rapport-file-input = Arbetsbok
rapport-file-previous = Föregående års arbetsbok
rapport-col-compensation = Ersättning
rapport-col-cost = Kostnad
rapport-chart-no-monthly-cost = kostnad per månad saknas i underlaget; bara ersättningen visas
rapport-chart-cumulative = Ackumulerat resultat per månad
rapport-chart-some-without-cost = { $count ->
    [one] ett uppdrag saknar kostnad per månad och visas inte
   *[other] { $count } uppdrag saknar kostnad per månad och visas inte
}
rapport-chart-target = mål { $target }
rapport-chart-budget-line = budget (100 %)
rapport-unknown-extension = `{ $file }`: okänd filändelse; nämndrapporten skrivs som `.html` eller `.pdf`
rapport-unit-note = Belopp i { $unit }
rapport-forecast-method = Prognosmetod: { $method }
rapport-h-summary = Sammanfattning
rapport-h-assignments = Uppdrag
rapport-h-level1 = Nivå 1: per vårdform
rapport-h-key-figures = Nyckeltal
rapport-h-charts = Diagram
rapport-h-transfers = Månatliga överföringar
rapport-h-reports-due = Återrapportering
rapport-h-comments = Utförarens kommentarer till prognosen
rapport-h-postings = Poster utanför uppdragen
rapport-h-provenance = Underlag
rapport-col-assignment = Uppdrag
rapport-col-care-form = Vårdform
rapport-col-result = Resultat
rapport-col-pooled = Samlat resultat
rapport-col-outcome-period = Utfall { $period }
rapport-col-previous = Föregående år
rapport-col-previous-result = Resultat föregående år
rapport-col-budget-period = Budget
rapport-col-deviation = Avvikelse
rapport-col-forecast = Prognos helår
rapport-col-forecast-result = Prognos resultat helår
rapport-col-forecast-compensation = Prognos ersättning
rapport-col-forecast-cost = Prognos kostnad
rapport-col-budget-year = Budget helår
rapport-col-deviation-year = Avvikelse helår
rapport-col-fixed = Fast ersättning
rapport-col-variable = Rörlig ersättning
rapport-col-changes = Förändringar
rapport-col-key-figure = Nyckeltal
rapport-col-period = Period
rapport-col-value = Värde
rapport-col-target = Mål
rapport-col-status = Status
rapport-col-remarks = Anmärkning
rapport-missed = ej uppfyllt { $months }
rapport-col-month = Månad
rapport-col-change = Förändring
rapport-col-amount = Belopp
rapport-col-report = Återrapporteras
rapport-col-due = Senast
rapport-col-code = Kod
rapport-col-count = Antal
rapport-col-unit = Verksamhet
rapport-unmapped = { $count } poster med kod som inte hör till något uppdrag, summa { $sum } { $unit }
rapport-out-of-scope = { $count } poster i verksamheter utanför uppdragen, summa { $sum } { $unit }
rapport-generated = framtagen med { $engine } ur regelverk version { $version }
rapport-h-kinds = Ersättning per slag
rapport-h-kinds-forecast = Ersättning per slag och helårsprognos
rapport-total-compensation = Ersättning, alla nämnder
rapport-total-cost = Kostnad, alla nämnder
rapport-total-result = Samlat resultat, alla nämnder
