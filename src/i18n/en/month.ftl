# month
month-skipped = rows of months after { $period } were not read: { $sheets }
month-skipped-sheet = { $sheet } { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}
