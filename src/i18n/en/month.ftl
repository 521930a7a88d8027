# month
month-skipped = rows of months after { $period } were not read: { $sheets }
month-skipped-sheet = { $sheet } { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}
wb-raw-too-large = the sheet `{ $sheet }` is too large to rewrite
append-added = added { $months } to { $file }: { $sheets }
append-sheet-rows = { $sheet } { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}
append-placeholders = { $rows ->
    [one] 1 empty Volymer row of the same month was replaced
   *[other] { $rows } empty Volymer rows of the same months were replaced
}
append-rewritten = note: the workbook was rewritten from its cells' values; formatting, drop-down lists and formulas are not kept
append-budget-rows = { $file }: the month's Budget has rows, but append adds only Utfall and Volymer
    {"  "}= hint: put the budget in the year's workbook and leave the month's Budget empty
append-nothing = { $file }: the month's file has no rows in Utfall or Volymer to add
append-format = { $file }: append can only rewrite an xlsx workbook or a folder of CSV files
    {"  "}= hint: save the workbook as xlsx first
append-missing-sheet = { $file }: the sheet { $sheet } is missing, so the month cannot be added
append-missing-column = { $file }: the sheet { $sheet } has no column `{ $column }`
append-month-present = { $file }: { $sheet } already has rows of { $period } (row { $row }); nothing was added
    {"  "}= hint: a month is added once; correct the year's file instead
append-cannot-write = cannot write the workbook: { $reason }
