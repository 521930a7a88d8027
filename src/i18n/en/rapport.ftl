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
rapport-unknown-extension = `{ $file }`: unknown file extension; the board report is written as `.html` or `.pdf`
rapport-unit-note = Amounts in { $unit }
rapport-forecast-method = Forecast method: { $method }
rapport-h-summary = Summary
rapport-h-assignments = Assignments
rapport-h-level1 = Level 1: by care form
rapport-h-key-figures = Key figures
rapport-h-charts = Charts
rapport-h-transfers = Monthly transfers
rapport-h-reports-due = Reporting back
rapport-h-comments = The provider's comments on the forecast
rapport-h-postings = Postings outside the assignments
rapport-h-provenance = Sources
rapport-col-assignment = Assignment
rapport-col-care-form = Care form
rapport-col-result = Result
rapport-col-pooled = Pooled result
rapport-col-outcome-period = Outcome { $period }
rapport-col-previous = Last year
rapport-col-previous-result = Result last year
rapport-col-budget-period = Budget
rapport-col-deviation = Deviation
rapport-col-forecast = Forecast full year
rapport-col-forecast-result = Forecast result full year
rapport-col-forecast-compensation = Forecast compensation
rapport-col-forecast-cost = Forecast cost
rapport-col-budget-year = Budget full year
rapport-col-deviation-year = Deviation full year
rapport-col-fixed = Fixed compensation
rapport-col-variable = Variable compensation
rapport-col-changes = Changes
rapport-col-key-figure = Key figure
rapport-col-period = Period
rapport-col-value = Value
rapport-col-target = Target
rapport-col-status = Status
rapport-col-remarks = Remarks
rapport-missed = not met { $months }
rapport-col-month = Month
rapport-col-change = Change
rapport-col-amount = Amount
rapport-col-report = To report
rapport-col-due = Due
rapport-col-code = Code
rapport-col-count = Count
rapport-col-unit = Unit
rapport-unmapped = { $count } postings with a code of no assignment, total { $sum } { $unit }
rapport-out-of-scope = { $count } postings of units outside the assignments, total { $sum } { $unit }
rapport-generated = produced by { $engine } from rules version { $version }
rapport-h-kinds = Compensation by kind
rapport-h-kinds-forecast = Compensation by kind and full-year forecast
rapport-total-compensation = Compensation, all boards
rapport-total-cost = Cost, all boards
rapport-total-result = Pooled result, all boards
