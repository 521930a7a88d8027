# workbook
# Läsa arbetsböcker (src/workbook) och föra deras rader till reglerna (src/eval/data.rs).
# Ett meddelande nämner ingen fil eller cell: koden sätter `fil: Blad!Cell: ` före det.

## Flera problem på en gång
wb-more = och { $count } till
wb-hint = tips: { $hint }

## Vad en kolumn ska innehålla, och vad en cell innehåller
wb-expected-number = ett tal
wb-expected-text = text
wb-expected-period = en period åååå-mm
wb-found-empty = en tom cell
wb-found-text = `{ $text }`
wb-found-number = talet { $number }
wb-found-boolean = sanningsvärdet { $value ->
    [true] SANT
   *[other] FALSKT
}
wb-found-duration = en tidslängd
wb-found-date = ett datum (serienummer { $serial })

## Celler
wb-cell-expected = förväntade { $expected }, hittade { $found }
wb-cell-error-value = cellen innehåller felvärdet { $error }
wb-cell-out-of-range = talet { $number } ligger utanför det tillåtna intervallet
wb-cell-date-out-of-range = datumets serienummer { $serial } ligger utanför de datum ett kalkylblad kan hålla
wb-cell-empty = cellen i kolumnen `{ $column }` är tom
wb-cell-missing-id = cellen i kolumnen `id` är tom; varje kontering behöver en id-kod
wb-cell-ambiguous-dot = `{ $text }` är tvetydigt: { $thousands } med punkten som tusentalsavgränsare, eller { $decimal } med punkten som decimaltecken
wb-cell-ambiguous-dot-hint = skriv `{ $thousands }` eller `{ $decimal }`
wb-cell-dot-groups = `{ $text }` har punkt som tusentalsavgränsare
wb-cell-dot-groups-hint = skriv `{ $fixed }`

## Perioder
wb-period-format = förväntade en period åååå-mm, hittade `{ $text }`
wb-period-month = månad { $month } i `{ $text }` ligger utanför 1-12
wb-period-day = dag { $day } i `{ $text }` finns inte i den månaden
wb-period-not-in-year = perioden { $period } ligger inte i { $year }, reglernas år

## Filer och blad
wb-io = kan inte läsa filen: { $cause }
wb-io-not-found = filen eller mappen finns inte
wb-io-permission-denied = behörighet saknas
wb-empty-file = filen är tom
wb-unknown-format = inte en arbetsbok (förväntade .xlsx, .xlsm, .xls, .xlsb, .ods eller en mapp med Utfall.csv, Volymer.csv och Budget.csv)
wb-open = kan inte öppna filen som { $format }-arbetsbok: { $message }
wb-open-no-signature = filen är inget kalkylblad (ingen zip- eller ole-signatur); är det en omdöpt textfil?
wb-malformed = arbetsboken är trasig; läsaren avbröt med: { $message }
wb-unknown-panic = okänt fel
wb-missing-sheet = bladet `{ $sheet }` saknas (finns: { $found })
wb-missing-csv = filen `{ $name }` saknas (finns: { $found })
wb-nothing = inget
wb-sheet = kan inte läsa bladet `{ $sheet }`: { $message }
wb-empty-sheet = bladet `{ $sheet }` är tomt; första raden ska ange kolumnernas namn
wb-missing-column = kolumnen `{ $column }` saknas (finns: { $found })
wb-duplicate-column = kolumnen `{ $column }` finns två gånger, första gången i { $first }
wb-too-large = bladet `{ $sheet }` spänner över { $rows } rader och { $cols } kolumner, fler än { $max } celler; ta bort lösa celler långt från data, spara som xlsx eller höj med `--max-celler`
wb-file-kind = { $kind ->
    [fifo] en namngiven pipe (fifo)
    [device] en enhetsfil
    [socket] en socket
    [directory] en mapp
   *[other] ingen vanlig fil
}
wb-input-not-a-file = sökvägen är { $kind }, inte en arbetsbok eller en mapp; ange en .xlsx-, .xlsm-, .xls- eller .ods-fil eller en mapp med Utfall.csv, Volymer.csv och Budget.csv
wb-csv-not-a-file = sökvägen är { $kind }, inte en vanlig fil; bara vanliga filer läses
wb-csv-outside-folder = filen är en symbolisk länk till en fil utanför mappen och läses inte; kopiera in filen i mappen
wb-ambiguous-sheet = bladet `{ $sheet }` finns flera gånger i arbetsboken: { $names }; ta bort eller byt namn på alla utom ett
wb-ambiguous-csv = filen `{ $name }` finns flera gånger i mappen: { $names }; ta bort eller byt namn på alla utom en
wb-hidden = (dolt)

## CSV-filer
wb-csv-line = rad { $line }: { $message }
wb-csv-utf16 = filen är utf-16; spara den som csv utf-8
wb-csv-too-wide = raden har { $fields } fält men rubrikraden har { $header }; sätt tal med decimalkomma inom citattecken, eller använd `;` som avgränsare

## Konteringar (Utfall)
wb-posting = Utfall rad { $row }: { $message }
wb-sum-too-large = summan av konteringarna är för stor för ett exakt decimaltal

## Namn i Budget och Volymer
wb-unknown-assignment = okänt uppdrag `{ $name }`
wb-not-a-part = `{ $part }` är inte en del av `{ $assignment }`
wb-no-parts = `{ $assignment }` har inga delar; lämna `del` tom
wb-unknown-measure = okänt mått `{ $name }`
wb-wrong-sheet = `{ $name }` är ett mått för { $sheet }, inte för { $here }
wb-wrong-sheet-hint = flytta raden till bladet { $sheet }
wb-did-you-mean = menade du { $names }?
wb-or = eller
wb-duplicate-budget = en andra Budget-rad för { $names }; den första finns i { $first }
wb-duplicate-budget-hint = behåll en rad per uppdrag, del och mått
wb-duplicate-volume = en andra Volymer-rad för { $period } { $names }; den första finns i { $first }
wb-duplicate-volume-hint = behåll en rad per månad, uppdrag, del och mått

## Gränser för vad en arbetsbok får kosta (src/workbook/limits.rs)
wb-too-many-rows = { $sheet }: fler än { $max } rader; höj med `--max-rader`, dela upp indata eller kontrollera att bladet inte är fyllt av misstag
wb-cell-too-long = texten har { $chars } tecken, fler än { $max }
wb-part-too-large = { $part } packas upp till { $size } byte, fler än { $max }
wb-part-inflates = { $part } packas upp från { $packed } till { $size } byte, mer än { $max } gånger sin packade storlek; filen ser ut som en zip-bomb
wb-too-many-shared-strings = arbetsbokens { $count } delade texter skulle ta omkring { $cost } byte minne, mer än { $max }; spara utan fritextkolumner eller som CSV
wb-xml-run-too-long = { $part } har en text eller tagg på mer än { $max } byte (ofta tomrum som packats ihop)
wb-part = delen `{ $part }`
wb-part-of-sheet = bladet `{ $sheet }` (delen `{ $part }`)
wb-part-checksum = { $part } har en annan kontrollsumma (CRC-32) än arkivet angav: filen har ändrats eller skadats efter att den sparades
wb-part-unreadable = { $part } kan inte packas upp: { $message }
wb-part-stopped = delen lästes inte vidare: den andra genomläsningen av arkivet hittade ett fel

## ekostyrs egen läsare av ett xlsx-blad (src/workbook/xlsx/)
wb-xml-io = delen kan inte läsas: { $message }
wb-xml-utf8 = bladets XML är inte UTF-8 (byte { $offset })
wb-xml-syntax = trasig XML vid byte { $offset }: en tagg, kommentar eller entitet avslutas inte
wb-xml-eof = bladets XML tar slut inne i `{ $element }`
wb-xml-too-long = en enskild XML-tagg eller text är för lång
wb-xml-entity = okänd entitet `{ $text }`
wb-xml-attribute = ett attribut saknar `=` eller citattecken
wb-xml-reference = `{ $text }` är ingen cellreferens
wb-xml-element = elementet `{ $element }` får inte stå i en cell
wb-xml-value = värdet `{ $text }` passar inte celltypen `{ $kind }`
wb-xml-cell-type = okänd celltyp `{ $text }`
wb-xml-shared-string = en cell pekar på en delad text som inte finns
wb-xml-not-a-worksheet = delen är inget kalkylblad (den börjar med `{ $element }`)
wb-xml-unmatched-end = sluttaggen `{ $element }` stänger inget öppet element
