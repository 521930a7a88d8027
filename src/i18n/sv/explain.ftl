# explain
explain-unknown-assignment = okänt uppdrag `{ $name }`{ $hint }
explain-transfer-needs-month = skriv månaden: `{ $name }.överföring[2023-07]`
explain-change = förändring { $id }
explain-change-from = { $label } (från månad { $month })
explain-no-such-compensation = ingen sådan ersättning
explain-variable-months = { $label } (Σ månader, varje månad avrundad till öre)
explain-part = del { $part }: { $label }
explain-previous-year = föregående år ({ $year }): { $label }
explain-no-such-month = ingen månad { $month }
explain-fixed-twelfth = fast: årsbeloppet / 12, avrundat till öre
explain-fixed-twelfth-december = fast: årsbeloppet / 12, resten på december
explain-changes-spread = förändringar, fördelade lika över sina månader
explain-no-such-figure = `{ $assignment }` har inget värde `{ $name }`{ $hint }
explain-no-inputs = inga indata
explain-no-rows = inga rader
explain-cells = { $count } celler: { $first }, …, { $last }
explain-part-codes = del { $part } (id { $codes })
explain-postings = Utfall, { $count ->
    [one] { $count } kontering
   *[other] { $count } konteringar
}
