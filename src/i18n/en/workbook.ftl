# workbook
# Reading input workbooks (src/workbook) and mapping their rows onto the rules (src/eval/data.rs).
# A message names no file or cell: the code puts `file: Sheet!Cell: ` before it.

## Several problems at once
wb-more = and { $count } more
wb-hint = hint: { $hint }

## What a column needs, and what a cell holds
wb-expected-number = a number
wb-expected-text = text
wb-expected-period = a period yyyy-mm
wb-found-empty = an empty cell
wb-found-text = "{ $text }"
wb-found-number = the number { $number }
wb-found-boolean = the boolean { $value ->
    [true] TRUE
   *[other] FALSE
}
wb-found-duration = a duration
wb-found-date = a date (serial { $serial })

## Cells
wb-cell-expected = expected { $expected }, found { $found }
wb-cell-error-value = the cell holds the error { $error }
wb-cell-out-of-range = the number { $number } is out of range
wb-cell-date-out-of-range = the date serial number { $serial } is outside the dates a spreadsheet can hold
wb-cell-empty = the `{ $column }` cell is empty
wb-cell-missing-id = the `id` cell is empty; every posting needs an id code
wb-cell-ambiguous-dot = "{ $text }" is ambiguous: { $thousands } with the dot as a thousands separator, or { $decimal } with the dot as the decimal point
wb-cell-ambiguous-dot-hint = write `{ $thousands }` or `{ $decimal }`
wb-cell-dot-groups = "{ $text }" uses dots as thousands separators
wb-cell-dot-groups-hint = write `{ $fixed }`

## Periods
wb-period-format = expected a period yyyy-mm, found "{ $text }"
wb-period-month = month { $month } in "{ $text }" is outside 1-12
wb-period-day = day { $day } in "{ $text }" does not exist in that month
wb-period-not-in-year = the period { $period } is not in { $year }, the year of the rules

## Files and sheets
wb-io = cannot read the file: { $cause }
wb-io-not-found = { $system }
wb-io-permission-denied = { $system }
wb-empty-file = the file is empty
wb-unknown-format = not a spreadsheet workbook (expected .xlsx, .xlsm, .xls, .xlsb, .ods or a folder with Utfall.csv, Volymer.csv and Budget.csv)
wb-open = cannot open it as an { $format } workbook: { $message }
wb-open-no-signature = the file is not a spreadsheet (no zip or ole signature); is it a renamed text file?
wb-malformed = the workbook is malformed; the reader failed with: { $message }
wb-unknown-panic = unknown panic
wb-missing-sheet = sheet `{ $sheet }` is missing (found: { $found })
wb-missing-csv = file `{ $name }` is missing (found: { $found })
wb-nothing = nothing
wb-sheet = cannot read sheet `{ $sheet }`: { $message }
wb-empty-sheet = sheet `{ $sheet }` is empty; its first row must name the columns
wb-missing-column = column `{ $column }` is missing (found: { $found })
wb-duplicate-column = column `{ $column }` appears twice, first at { $first }
wb-too-large = sheet `{ $sheet }` spans { $rows } rows by { $cols } columns, more than { $max } cells; delete stray cells far from the data, save as xlsx or raise with `--max-celler`
wb-file-kind = { $kind ->
    [fifo] a named pipe (fifo)
    [device] a device file
    [socket] a socket
    [directory] a directory
   *[other] not a regular file
}
wb-input-not-a-file = the path is { $kind }, not a workbook or a folder; give an .xlsx, .xlsm, .xls or .ods file or a folder with Utfall.csv, Volymer.csv and Budget.csv
wb-csv-not-a-file = the path is { $kind }, not a regular file; only regular files are read
wb-csv-outside-folder = the file is a symbolic link to a file outside the folder and is not read; copy the file into the folder
wb-ambiguous-sheet = sheet `{ $sheet }` appears more than once in the workbook: { $names }; delete or rename all but one
wb-ambiguous-csv = file `{ $name }` appears more than once in the folder: { $names }; delete or rename all but one
wb-hidden = (hidden)

## CSV files
wb-csv-line = line { $line }: { $message }
wb-csv-utf16 = the file is utf-16; save it as csv utf-8
wb-csv-too-wide = the record has { $fields } fields but the header has { $header }; quote numbers with a decimal comma, or use `;` as the delimiter

## Ledger postings (Utfall)
wb-posting = Utfall row { $row }: { $message }
wb-sum-too-large = the sum of the postings is too large for an exact decimal

## Names in Budget and Volymer
wb-unknown-assignment = unknown assignment `{ $name }`
wb-not-a-part = `{ $part }` is not a part of `{ $assignment }`
wb-no-parts = `{ $assignment }` has no parts; leave `del` empty
wb-unknown-measure = unknown measure `{ $name }`
wb-wrong-sheet = `{ $name }` is a measure of { $sheet }, not of { $here }
wb-wrong-sheet-hint = move the row to the sheet { $sheet }
wb-did-you-mean = did you mean { $names }?
wb-or = or
wb-duplicate-budget = a second Budget row for { $names }; the first is at { $first }
wb-duplicate-budget-hint = keep one row per assignment, part and measure
wb-duplicate-volume = a second Volymer row for { $period } { $names }; the first is at { $first }
wb-duplicate-volume-hint = keep one row per month, assignment, part and measure

## Caps on what a workbook may cost (src/workbook/limits.rs)
wb-too-many-rows = { $sheet }: more than { $max } rows; raise with `--max-rader`, split the input or check that the sheet was not filled by mistake
wb-cell-too-long = the text has { $chars } characters, more than { $max }
wb-part-too-large = { $part } inflates to { $size } bytes, more than { $max }
wb-part-inflates = { $part } inflates from { $packed } to { $size } bytes, more than { $max } times its packed size; the file looks like a zip bomb
wb-too-many-shared-strings = the workbook's { $count } shared strings would take about { $cost } bytes of memory, more than { $max }; save it without free-text columns or as CSV
wb-xml-run-too-long = { $part } holds a text or tag of more than { $max } bytes (often packed whitespace)
wb-part = part `{ $part }`
wb-part-of-sheet = sheet `{ $sheet }` (part `{ $part }`)
wb-part-checksum = { $part } has another checksum (CRC-32) than the archive recorded: the file was changed or damaged after it was saved
wb-part-unreadable = { $part } cannot be inflated: { $message }
wb-part-stopped = the part was not read further: the second pass over the archive found a fault

## ekostyr's own reader of an xlsx sheet (src/workbook/xlsx/)
wb-xml-io = the part cannot be read: { $message }
wb-xml-utf8 = the sheet's XML is not UTF-8 (byte { $offset })
wb-xml-syntax = broken XML at byte { $offset }: a tag, comment or entity is not closed
wb-xml-eof = the sheet's XML ends inside `{ $element }`
wb-xml-too-long = a single XML tag or text is too long
wb-xml-entity = unknown entity `{ $text }`
wb-xml-attribute = an attribute lacks `=` or quotes
wb-xml-reference = `{ $text }` is not a cell reference
wb-xml-element = element `{ $element }` may not appear in a cell
wb-xml-value = the value `{ $text }` does not fit cell type `{ $kind }`
wb-xml-cell-type = unknown cell type `{ $text }`
wb-xml-shared-string = a cell refers to a shared string that does not exist
wb-xml-not-a-worksheet = the part is not a worksheet (it starts with `{ $element }`)
wb-xml-unmatched-end = the end tag `{ $element }` closes no open element
