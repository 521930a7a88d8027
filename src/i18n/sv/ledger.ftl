# ledger: messages of the ledger work (issue 9).

## check
ledger-out-of-scope-twice = `utanför "{ $name }"` är redan deklarerad
ledger-out-of-scope-overlap = ID-koden `{ $code }` för "{ $unit }" (utanför) överlappar `{ $other }` i `{ $assignment }`
ledger-assignment-overlaps-out-of-scope = ID-koden `{ $code }` i `{ $assignment }` överlappar `{ $other }`, som är utanför ("{ $unit }")
ledger-hint-out-of-scope = en kod hör antingen till ett uppdrag eller till en enhet utanför styrmodellen, inte till båda; ta bort den ena
ledger-activity-twice = verksamheten `{ $id }` finns redan i `{ $assignment }`
ledger-activity-outside = ID-koden `{ $code }` för verksamheten "{ $activity }" ligger utanför koderna för `{ $assignment }` ({ $codes })
ledger-hint-activity-outside = nivå 3 delar upp uppdragets kostnad; ge verksamheten koder inom uppdragets eller delarnas `id`
ledger-change-outside = ID-koden `{ $code }` för förändringen `{ $change }` ligger utanför uppdraget `{ $assignment }`s koder ({ $codes })
ledger-hint-change-outside = förändringens kostnad följs upp inom uppdragets kostnad; ge den koder inom uppdragets, delarnas eller verksamheternas `id`
ledger-too-many-changes = högst { $max } förändringar med egna ID-koder i `{ $assignment }`
ledger-komplement-overlap = komplementkoden `{ $code }` i `{ $assignment }` överlappar `{ $other }` i `{ $other_assignment }`
ledger-hint-komplement-disjoint = en komplementkod hör till ett enda uppdrag, annars går SoF:s vy inte att stämma av

## eval
ledger-what-views = utanför-enheterna och de två vyerna (ID och komplement)
ledger-what-level3 = nivå 3 i `{ $assignment }`
ledger-what-change-ledger = förändringarnas egna koder i `{ $assignment }`

## report
ledger-heading-level3 = NIVÅ 3: KOSTNAD PER VERKSAMHET (kr)
ledger-heading-views = TVÅ VYER: ID (LEANLINK) OCH KOMPLEMENT (SOF) (kr)
ledger-heading-disagreements = KONTERINGAR DÄR VYERNA SKILJER SIG: { $n } { $n ->
    [one] par
   *[other] par
} (id, komplement)
ledger-col-activity-id = Id
ledger-col-id-view = ID-vy
ledger-col-komplement-view = Komplementvy
ledger-col-difference = Skillnad
ledger-col-id = ID-kod
ledger-col-komplement = Komplement
ledger-col-id-assignment = Uppdrag enligt ID
ledger-col-komplement-assignment = Uppdrag enligt komplement
ledger-col-postings = Antal
ledger-col-sum = Summa
ledger-row-unmapped = Ej mappade
ledger-row-out-of-scope = Utanför styrmodellen
ledger-no-assignment = (inget)
ledger-out-of-scope = UTANFÖR STYRMODELLEN: { $count } { $n ->
   *[other] st
}, summa { $sum } kr
ledger-out-of-scope-unit = { $name }: { $count } { $n ->
   *[other] st
}, { $sum } kr
ledger-sheet-level3 = Nivå 3
ledger-sheet-views = Två vyer
ledger-sheet-out-of-scope = Utanför

## explain
ledger-explain-activity = varav nivå 3 { $activity } (id { $codes })
ledger-explain-change = varav förändringen { $change } (id { $codes })
ledger-no-komplement = `{ $assignment }` har inga komplementkoder, så alla dess konteringar blir ej mappade i SoF:s vy
ledger-hint-no-komplement = ge uppdraget (eller dess delar) `komplement …` som de andra uppdragen
