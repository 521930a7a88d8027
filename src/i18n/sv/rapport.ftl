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
