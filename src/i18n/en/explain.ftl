# explain
explain-unknown-assignment = unknown assignment `{ $name }`{ $hint }
explain-transfer-needs-month = write the month: `{ $name }.överföring[2023-07]`
explain-change = change { $id }
explain-change-from = { $label } (from month { $month })
explain-no-such-compensation = no such compensation
explain-variable-months = { $label } (Σ months, each month rounded to öre)
explain-part = part { $part }: { $label }
explain-previous-year = previous year ({ $year }): { $label }
explain-no-such-month = no month { $month }
explain-fixed-twelfth = fixed: the annual amount / 12, rounded to öre
explain-fixed-twelfth-december = fixed: the annual amount / 12, the remainder in December
explain-changes-spread = changes, spread evenly over their months
explain-no-such-figure = `{ $assignment }` has no figure `{ $name }`{ $hint }
explain-no-inputs = no inputs
explain-no-rows = no rows
explain-cells = { $count } cells: { $first }, …, { $last }
explain-part-codes = part { $part } (id { $codes })
explain-postings = Utfall, { $count ->
    [one] { $count } posting
   *[other] { $count } postings
}
