# month
month-skipped = rader av månader efter { $period } lästes inte: { $sheets }
month-skipped-sheet = { $sheet } { $rows ->
    [one] 1 rad
   *[other] { $rows } rader
}
wb-raw-too-large = bladet `{ $sheet }` är för stort för att skrivas om
append-added = lade till { $months } i { $file }: { $sheets }
append-sheet-rows = { $sheet } { $rows ->
    [one] 1 rad
   *[other] { $rows } rader
}
append-placeholders = { $rows ->
    [one] 1 tom rad i Volymer för samma månad ersattes
   *[other] { $rows } tomma rader i Volymer för samma månader ersattes
}
append-rewritten = obs: arbetsboken skrevs om från cellernas värden; formatering, rullistor och formler finns inte kvar
append-budget-rows = { $file }: månadens Budget har rader, men append lägger bara till Utfall och Volymer
    {"  "}= tips: skriv budgeten i årets arbetsbok och lämna månadens Budget tom
append-nothing = { $file }: månadens fil har inga rader i Utfall eller Volymer att lägga till
append-format = { $file }: append kan bara skriva om en xlsx-arbetsbok eller en mapp med CSV-filer
    {"  "}= tips: spara arbetsboken som xlsx först
append-missing-sheet = { $file }: bladet { $sheet } saknas, så månaden kan inte läggas till
append-missing-column = { $file }: bladet { $sheet } saknar kolumnen `{ $column }`
append-month-present = { $file }: { $sheet } har redan rader för { $period } (rad { $row }); inget lades till
    {"  "}= tips: en månad läggs till en gång; rätta i årets fil i stället
append-cannot-write = kan inte skriva arbetsboken: { $reason }
