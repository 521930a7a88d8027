# explain
explain-unknown-assignment = unknown assignment `{ $name }`{ $hint }
explain-transfer-needs-month = write the month: `{ $name }.överföring[2023-07]`
