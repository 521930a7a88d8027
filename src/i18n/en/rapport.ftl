# rapport: the board report (`ekostyr rapport`), its view model, HTML and charts
rapport-title = Board report
rapport-unknown-board = `--nämnd`: unknown board `{ $board }`; known boards: { $known }
rapport-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
rapport-month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
rapport-period-year = full year { $year }
rapport-method-linear = fixed compensation in full; variable compensation and cost projected linearly
rapport-method-last-year = fixed compensation in full; variable compensation and cost of the remaining months as the same months last year
rapport-method-provider = the provider's own forecast (the Prognos sheet)
rapport-part-unsplit = Not split by part
rapport-sum = Total
rapport-file-rules = Rules
rapport-file-input = Workbook
rapport-file-previous = Last year's workbook
rapport-col-compensation = Compensation
rapport-col-cost = Cost
rapport-chart-no-monthly-cost = cost per month is not in the data; only the compensation is shown
rapport-chart-cumulative = Cumulative result by month
rapport-chart-some-without-cost = { $count ->
    [one] one assignment has no cost per month and is not shown
   *[other] { $count } assignments have no cost per month and are not shown
}
rapport-chart-target = target { $target }
rapport-chart-budget-line = budget (100 %)
