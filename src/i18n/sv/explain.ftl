# explain
explain-unknown-assignment = okänt uppdrag `{ $name }`{ $hint }
explain-transfer-needs-month = skriv månaden: `{ $name }.överföring[2023-07]`
