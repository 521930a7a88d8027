# ledger: messages of the ledger work (issue 9).

## check
ledger-out-of-scope-twice = `utanför "{ $name }"` är redan deklarerad
ledger-out-of-scope-overlap = ID-koden `{ $code }` för "{ $unit }" (utanför) överlappar `{ $other }` i `{ $assignment }`
ledger-assignment-overlaps-out-of-scope = ID-koden `{ $code }` i `{ $assignment }` överlappar `{ $other }`, som är utanför ("{ $unit }")
ledger-hint-out-of-scope = en kod hör antingen till ett uppdrag eller till en enhet utanför styrmodellen, inte till båda; ta bort den ena
ledger-activity-twice = verksamheten `{ $id }` finns redan i `{ $assignment }`
ledger-activity-outside = ID-koden `{ $code }` för verksamheten "{ $activity }" ligger utanför uppdraget `{ $assignment }`s koder ({ $codes })
ledger-hint-activity-outside = nivå 3 delar upp uppdragets kostnad; ge verksamheten koder inom uppdragets eller delarnas `id`
ledger-change-outside = ID-koden `{ $code }` för förändringen `{ $change }` ligger utanför uppdraget `{ $assignment }`s koder ({ $codes })
ledger-hint-change-outside = förändringens kostnad följs upp inom uppdragets kostnad; ge den koder inom uppdragets, delarnas eller verksamheternas `id`
ledger-too-many-changes = högst { $max } förändringar med egna ID-koder i `{ $assignment }`
ledger-komplement-overlap = komplementkoden `{ $code }` i `{ $assignment }` överlappar `{ $other }` i `{ $other_assignment }`
ledger-hint-komplement-disjoint = en komplementkod hör till ett enda uppdrag, annars går SoF:s vy inte att stämma av
