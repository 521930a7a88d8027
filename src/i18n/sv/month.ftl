# month
month-skipped = rader av månader efter { $period } lästes inte: { $sheets }
month-skipped-sheet = { $sheet } { $rows ->
    [one] 1 rad
   *[other] { $rows } rader
}
