# check: diagnostiker för regelfiler (syntax, kontroll, formatering) och hur de skrivs ut

## Utskrift (diagnostic.rs)
diag-error = fel
diag-warning = varning
diag-note = not
diag-hint = tips
diag-summary = { $file }: { $errors } fel, { $warnings ->
    [one] { $warnings } varning
   *[other] { $warnings } varningar
}
diag-did-you-mean = menade du { $names }?
diag-or = { $a } eller { $b }

## Syntax: vad tolkaren väntade sig och vad den hittade
syntax-expected-found = förväntade { $expected }, men hittade { $found }
syntax-not-expected = oväntat: { $found }
syntax-end-of-file = filens slut
syntax-end-of-declaration = deklarationens slut
syntax-end-of-line = radens slut
syntax-a-space = ett mellanslag
syntax-a-tab = en tabb
syntax-a-digit = en siffra
syntax-a-number = ett tal
syntax-a-name = ett namn
syntax-a-unit = en enhet
syntax-brace-not-closed = den här `{"{"}` stängs aldrig
syntax-new-assignment-line = en ny rad i uppdraget (`del`, `ersättning`, `nyckeltal`, …)
syntax-new-key-figure-line = en ny rad i nyckeltalet (`värde`, `intervall`, `mål`, …)
syntax-new-change-line = en ny rad i förändringen (`typ`, `belopp`, `från`, `återrapportering`)
syntax-an-expectation = en förväntan (`budget`, `volym`, `utfall`, `indata` eller `uppdrag.figur = …`)

## Syntax: namn på grammatikens regler
syntax-rule-comment = en kommentar
syntax-rule-keyword = ett nyckelord
syntax-rule-letter = en bokstav
syntax-rule-member = ett namn efter `.`
syntax-rule-string = en text inom dubbla citattecken
syntax-rule-digit-group = tre siffror
syntax-rule-year = ett årtal som `2023`
syntax-rule-month = en månad som `2024-07`
syntax-rule-date = ett datum som `2023-06-19`
syntax-rule-version-number = ett versionsnummer som `1.0`
syntax-rule-unit = en enhet (`kr`, `tkr`, `mnkr`, `timmar`, `dygn`, `platser`, `årsarbetare`, `besök`, `%`, `kr/timme`, …)
syntax-rule-file = en regelfil
syntax-rule-declaration = en deklaration
syntax-rule-quantity = ett tal, eventuellt med enhet
syntax-rule-item = en deklaration (`parameter`, `mått`, `nämnd`, `förvänta` eller ett fält i filhuvudet som `år`)
syntax-rule-header-year = `år ÅÅÅÅ`
syntax-rule-header-builds-on = `bygger_på "fil.ek"`
syntax-rule-header-beslut = `beslut "nämnd" ÅÅÅÅ-MM-DD dnr "…"`
syntax-rule-parameter = en parameter
syntax-rule-param-value = ett parametervärde
syntax-rule-table = en tabell `per del {"{"} … {"}"}`
syntax-rule-table-entry = en tabellrad `namn: värde`
syntax-rule-measure = ett mått `mått budget|volym namn: enhet`
syntax-rule-measure-kind = `budget` eller `volym`
syntax-rule-assignment-item = en rad i uppdraget (`del`, `id`, `ersättning`, `nyckeltal`, …)
syntax-rule-activity = en verksamhet `"namn" id …`
syntax-rule-id-codes = `id`-koder
syntax-rule-id-code = en ID-kod som `L1401`
syntax-rule-code = en ID-kod
syntax-rule-id-prefix = ett ID-prefix som `L14*`
syntax-rule-id-range = ett ID-intervall som `L1401..L1409`
syntax-rule-compensation-kind = `fast` eller `rörlig`
syntax-rule-key-figure-item = en rad i nyckeltalet (`värde`, `intervall`, `mottagare`, `ansvarig`, `från`, `mål`, `per del`, `påverkan`)
syntax-rule-interval = ett intervall ({ $intervals })
syntax-rule-kf-from = `från ÅÅÅÅ`
syntax-rule-target = ett mål (`>= 95 %`, `<= 1 %` eller `95 % .. 105 %`)
syntax-rule-target-op = `>=` eller `<=`
syntax-rule-change-item = en rad i förändringen (`typ`, `belopp`, `från`, `återrapportering`)
syntax-rule-change-type = en typ av förändring (`statsbidrag`, `övertagande`, `större_förändring`, `riktad_satsning` eller `justering`)
syntax-rule-change-from = `från ÅÅÅÅ-MM`
syntax-rule-expr = en formel
syntax-rule-infix = en operator
syntax-rule-prefix = `-` eller `inte`
syntax-rule-primary = ett värde (ett tal, ett namn, ett funktionsanrop eller `(`)
syntax-rule-paren = en formel inom parentes
syntax-rule-call = ett funktionsanrop
syntax-rule-function = en funktion (`min`, `max`, `avrunda`, `budget`, `volym`)
syntax-rule-expect-item = en rad i `förvänta`
syntax-rule-expect-volume = `volym ÅÅÅÅ-MM uppdrag.del.mått = …`
syntax-rule-expect-ledger = `utfall ÅÅÅÅ-MM ID = …`
syntax-rule-path = ett sammansatt namn som `vårdboende.fast`

## Syntax: fel och tips
syntax-hint-comparison = jämförelse skrivs `==`; en definition skrivs `låt namn = …`
syntax-hint-target = ett mål skrivs `mål >= 95 %`, `mål <= 1 %` eller `mål 95 % .. 105 %`
syntax-hint-semicolon = skilj argument och tabellrader åt med `;`, som i svenska Excel
syntax-hint-comma = skilj namnen åt med `,`
syntax-hint-braces = kontrollera att varje `{"{"}` har en matchande `{"}"}`
syntax-hint-brace-too-many = kontrollera att varje `{"{"}` har en matchande `{"}"}`: en för mycket avslutar deklarationen för tidigt
syntax-hint-thousands = skriv tusental i grupper om tre siffror, t.ex. `18 400 000`
syntax-string-not-closed = texten avslutas inte före radens slut
syntax-hint-close-string = avsluta den med `"` på samma rad
syntax-unknown-unit = okänd enhet `{ $unit }`
syntax-glued-to-number = `{ $word }` står direkt efter ett tal
syntax-hint-space-before-unit = sätt ett mellanslag mellan talet och enheten: `… { $unit }`
syntax-hint-space-after-number = sätt ett mellanslag eller en operator mellan talet och det som följer
syntax-units-are = enheterna är `kr`, `tkr`, `mnkr`, `timmar`, `dygn`, `platser`, `årsarbetare`, `besök`, `brukare`, `dagar`, `månader`, `veckor`, `st`, `%` och kvoter som `kr/timme`
syntax-internal-unexpected = internt fel: oväntat { $what }
syntax-not-a-year = `{ $text }` är inte ett årtal
syntax-number-too-large = `{ $text }` är ett för stort tal
syntax-hint-significant-digits = tal har högst 28 värdesiffror
syntax-formula-too-long = formeln är för lång (mer än { $max } operatorer)
syntax-formula-too-deep = formeln är för djupt nästlad (mer än { $max } nivåer)
syntax-hint-split-formula = dela upp den i flera `låt`
syntax-not-a-number = `{ $text }` är inte ett tal

## Kontroll: läsa filer
check-cannot-read = { $path }: kan inte läsa regelfilen: { $reason }
check-no-such-file = filen finns inte
check-not-utf8 = filen är inte UTF-8-text
check-circular-builds-on = `bygger_på` går i cirkel: { $chain }
check-base-has-errors = `{ $file }` har fel, så den här filen kan inte använda dess värden
check-cannot-read-base = kan inte läsa `{ $path }`, som `bygger_på` pekar på: { $reason }
check-hint-builds-on-relative = `bygger_på` utgår från mappen där den här filen ligger

## Kontroll: filhuvudet
check-given-twice = `{ $field }` anges två gånger
check-given-twice-in = `{ $field }` anges två gånger i `{ $owner }`
check-first-given-here = angavs först här
check-header-missing = filhuvudet saknar `{ $field }`
check-hint-add-at-top = lägg till `{ $example }` överst i filen
check-not-budget-year = `{ $year }` är inte ett rimligt budgetår
check-not-a-date = `{ $date }` är inte ett datum
check-hint-date-format = skriv datumet som `ÅÅÅÅ-MM-DD`
check-hint-months = månaderna är 01–12
check-hint-days-in-month = `{ $month }` har { $days } dagar
check-version-step = version `{ $version }` följer inte på version `{ $previous }` av `{ $base }` ({ $year })
check-hint-version-same-year = en förändring under samma år tar nästa decimalsteg: `version { $expected }`
check-hint-version-new-year = ett nytt budgetår tar nästa hela versionsnummer: `version { $expected }`

## Kontroll: deklarationer
check-declared-twice = { $kind ->
    [measure] måttet
    [parameter] parametern
    [table-entry] tabellraden
    [board] nämnden
    [care-form] vårdformen
    [assignment] uppdraget
    [part] delen
    [key-figure] nyckeltalet
    [change] förändringen
   *[name] namnet
} `{ $name }` deklareras två gånger
check-first-declared-here = deklarerades först här
check-builtin-parameter = `{ $name }` är ett inbyggt namn och kan inte vara en parameter
check-builtin-name = `{ $name }` är ett inbyggt namn
check-measure-unit-scaled = ett måtts enhet kan inte vara skalad eller en procentsats
check-hint-measure-units = använd `kr`, `timmar`, `dygn`, `platser`, …
check-number-too-large = talet är för stort
check-table-empty = tabellen `{ $name }` är tom
check-table-mixed-units = `{ $key }` är { $unit } men första raden i `{ $table }` är { $first }
check-hint-table-same-unit = alla rader i en tabell har samma enhet
check-plain-number = ett tal utan enhet
check-in-unit = i `{ $unit }`
check-per-part-without-parts = `{ $name }` är en tabell `per del` men här finns inga delar
check-hint-per-part-inside = deklarera tabeller `per del` i ett uppdrag som har `del`-rader
check-not-a-part-here = `{ $name }` är inte en del i det här uppdraget
check-table-missing-parts = `{ $name }` saknar värde för { $parts }
check-hint-table-every-part = en tabell `per del` behöver en rad för varje del
check-no-assignments = filen deklarerar inga uppdrag
check-hint-declare-assignments = deklarera dem som `nämnd … {"{"} vårdform … {"{"} uppdrag … {"{"} … {"}"} {"}"} {"}"}`
check-has-no = `{ $owner }` saknar `{ $name }`
check-hint-source = hänvisa till avsnittet i styrdokumentet, t.ex. `källa "Ekonomistyrning, avsnitt Dagverksamhet"`
check-no-codes = `{ $name }` har inga ID-koder i redovisningen, så dess kostnad blir alltid noll
check-hint-add-codes = lägg till `id L140*` eller `id`-koder på dess delar
check-hint-one-formula = skriv en enda formel; lägg ihop termer med `+`
check-key-figure-missing = nyckeltalet `{ $name }` saknar `{ $field }`
check-hint-add = lägg till { $code }
check-not-plausible-year = `{ $year }` är inte ett rimligt årtal
check-target-range-empty = målintervallet är tomt: den nedre gränsen är större än den övre
check-hint-target-range = skriv intervallet som lägst `..` högst
check-change-missing = förändringen `{ $name }` saknar { $fields }
check-hint-change-needs = en förändring behöver `typ`, `belopp = … kr` och `från ÅÅÅÅ-MM`
check-change-other-year = förändringen börjar { $start } men den här filen gäller { $year }
check-hint-change-year = en förändring under året börjar i en månad under { $year }
check-not-a-month = `{ $month }` är inte en månad

## Kontroll: ID-koder i redovisningen
check-id-range-lengths = ID-intervallet `{ $range }` har ändpunkter av olika längd
check-hint-id-range-lengths = ett intervall går mellan koder av samma längd, t.ex. `L1401..L1409`; använd prefixet `L14*` för alla koder som börjar med `L14`
check-id-range-empty = ID-intervallet `{ $range }` är tomt: `{ $low }` kommer efter `{ $high }`
check-activity-label = `{ $assignment }` (verksamheten "{ $activity }")
check-codes-overlap = ID-koden `{ $code }` i { $owner } överlappar `{ $other }` i { $other_owner }
check-other-code-here = den andra koden står här
check-hint-codes-disjoint = en kod i redovisningen hör till ett enda ställe; se till att { $what ->
    [assignments] uppdragens
    [activities] verksamheternas
   *[parts] delarnas
} koder inte överlappar

## Kontroll: formler
check-write = skriv { $code }
check-truth-value = ett sanningsvärde
check-unknown-type = okänd
check-not-kronor = { $what ->
    [compensation] en ersättning
   *[change] en förändrings belopp
} måste bli kronor, men det här blir { $ty }
check-hint-kronor = multiplicera volymer med ett pris (`kr/timme`, `kr/dygn`) eller platser med ett pris per plats (`kr/plats`)
check-per-part-no-parts = nyckeltalet `{ $name }` är `per del` men `{ $assignment }` har inga delar
check-key-figure-truth = ett nyckeltal måste vara ett tal, men det här är ett sanningsvärde
check-target-unit = målet är { $target } men `{ $name }` är { $unit }
check-hint-target-unit = skriv målet i nyckeltalets enhet
check-one-value-needed = formeln har ett värde per del, men här behövs ett enda värde
check-hint-sum-parts = summera den över delarna med `summa(…)`
check-not-needs-truth = `inte` behöver ett sanningsvärde, men det här är { $ty }
check-negate-truth = ett sanningsvärde kan inte få minustecken
check-hint-use-inte = använd `inte`
check-condition-not-comparison = villkoret i `om` måste vara en jämförelse, men det här är { $ty }
check-hint-compare-with = jämför med `>=`, `<=`, `>`, `<`, `==` eller `!=`
check-branches-differ = de två grenarna i `om` skiljer sig åt: { $then } och { $else }
check-then-branch-here = `då`-grenen står här
check-sum-outside-assignment = `summa(…)` summerar över ett uppdrags delar och används inne i ett uppdrag
check-sum-in-sum = `summa(…)` står redan inne i en summa över delarna
check-sum-no-parts = `summa(…)` summerar över delarna, men `{ $assignment }` har inga delar
check-hint-sum-no-parts = deklarera delar med `del`, eller ta bort `summa`
check-sum-truth = sanningsvärden kan inte summeras
check-mismatch = { $op ->
    [add] kan inte addera { $left } och { $right }
    [subtract] kan inte subtrahera { $left } och { $right }
    [multiply] kan inte multiplicera { $left } och { $right }
    [divide] kan inte dividera { $left } och { $right }
    [combine] kan inte kombinera { $left } och { $right } med `och`/`eller`
   *[compare] kan inte jämföra { $left } och { $right }
}
check-hint-same-unit = båda sidor måste ha samma enhet; räkna om med ett pris som `kr/timme`
check-hint-logic-takes-comparisons = `och`, `eller` och `om` tar jämförelser; räknesätten tar tal
check-cycle = formlerna beror på varandra i en cirkel: { $cycle }
check-hint-cycle = en av dem måste beräknas utan de andra

## Kontroll: namn
check-not-in-previous = `{ $assignment }` finns inte i förra årets fil
check-hint-name-continued = ange uppdraget som det fortsätter: `föregående.<uppdrag>.{ $name }`
check-outside-assignment = `{ $name }` hör till ett uppdrag och kan bara användas inne i ett uppdrag
check-table-needs-entry = `{ $name }` är en tabell; ange vilken rad
check-not-a-table = `{ $name }` är ett enda värde, inte en tabell
check-no-entry = `{ $table }` har ingen rad `{ $key }`
check-unknown-name = okänt namn `{ $name }`
check-unknown-name-previous = okänt namn `{ $name }` i förra årets fil
check-min-max-arguments = `{ $function }` tar två eller fler värden åtskilda med `;`
check-min-max-units = `{ $function }` jämför värden med samma enhet, men det här är { $ty } och det första är { $first }
check-round-arguments = `avrunda` tar ett värde och ett antal decimaler: `avrunda(x; 2)`
check-round-decimals = antalet decimaler måste vara ett heltal från 0 till 28
check-measure-call-outside = `{ $function }(…)` läser ett uppdrags indata och används inne i ett uppdrag
check-measure-call-arguments = `{ $function }` tar ett mått och eventuellt en del: `{ $function }(platser)` eller `{ $function }(platser; somatik)`
check-measure-call-name = `{ $function }` tar namnet på ett mått
check-unknown-measure = okänt mått `{ $name }`
check-hint-declare-measure = deklarera det med `mått budget …: enhet` eller `mått volym …: enhet`
check-wrong-measure-kind = `{ $name }` är ett `{ $kind }`-mått
check-not-a-part-of = `{ $name }` är inte en del i `{ $assignment }`
check-part-as-name = delen skrivs med sitt namn, t.ex. `somatik`
check-previous-without-builds-on = `föregående` syftar på förra året, men den här filen har ingen `bygger_på`
check-hint-add-builds-on = lägg till `bygger_på "{ $file }"` i filhuvudet

## Kontroll: förväntningar
check-hint-ledger-kronor = ett belopp i utfallet anges i kronor, t.ex. `1 250 000 kr`
check-month-not-of-year = `{ $month }` är inte en månad under { $year }, filens år
check-hint-expectation-year = förväntningarna gäller { $year }: skriv `{ $month }`
check-hint-volume-line = skriv `volym ÅÅÅÅ-MM { $path } = …`
check-hint-budget-line = skriv `budget { $path } = …`
check-measure-in = måttet `{ $name }` är i `{ $unit }`
check-no-figure = `{ $assignment }` har inget nyckeltal eller belopp `{ $name }`
check-hint-plain-key-figure = `{ $name }` är ett tal utan enhet: skriv det som `95 %` eller `0,95`
check-key-figure-in = `{ $name }` är i `{ $unit }`
check-not-per-part = `{ $name }` redovisas inte per del
check-transfer-needs-month = `{ $name }` är en månads överföring: ange månaden
check-hint-amount-kronor = ett belopp anges i kronor, t.ex. `18 400 000 kr`
check-per-part = `{ $name }` redovisas per del
check-one-part-only = `{ $name }` tar en del och inget efter den
check-delar-months = `{ $name }` följs upp per delår: mars, augusti och helåret
check-yearly-no-month = `{ $name }` följs upp för helåret (årsvis)
check-hint-leave-out-month = ta bort månaden
check-a-percentage = en procentsats
check-plain-number-or-percentage = ett tal utan enhet eller en procentsats
check-value-unit = värdet är { $written }, men det ska vara { $wanted }
check-unknown-assignment = okänt uppdrag `{ $name }`
check-hint-no-parts = `{ $assignment }` har inga delar
check-hint-parts-are = delarna i `{ $assignment }` är { $parts }
check-not-a-value = `{ $path }` är inte namnet på ett värde

## Formatering
fmt-meaning-changed = internt fel: formateringen ändrade filens innebörd ({ $reason })
fmt-reason-does-not-parse = resultatet går inte att tolka
fmt-reason-tree-differs = syntaxträdet skiljer sig
fmt-reason-comment-lost = en kommentar försvann eller flyttades
fmt-hint-bug = det här är ett fel i ekostyr; filen lämnades orörd
