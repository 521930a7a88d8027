# params: messages of the params work (issue 9).

## Parameter unit declarations
params-rule-param-unit = en enhetsdeklaration (`: %`)
params-declared-here = enheten deklareras här
params-declared-percent-bare = `{ $name }` är deklarerad i `%`, men värdet { $value } saknar `%`
params-hint-write-percent = skriv `{ $value } %`
params-declared-unit-mismatch = `{ $name }` är deklarerad i `{ $unit }`, men värdet { $value } är { $given }
params-hint-declared-unit = skriv värdet i `{ $unit }` (`{ $value } { $unit }`) eller ändra deklarationen
params-warn-forgotten-percent = `{ $name }` är talet { $value } utan enhet, så `1 + { $name }` blir mer än det dubbla
params-hint-forgotten-percent = menade du `{ $value } %`? Skriv `parameter { $name } = { $value } %`, eller deklarera enheten: `parameter { $name }: % = { $value } %`

## Decisions
params-decision-twice = `{ $board }` har redan ett beslut daterat { $date }
params-hint-decision-twice = ett beslut per nämnd och datum; ta bort det ena eller rätta datumet
params-dnr-missing = dnr saknas

## Per-part and pooled results
params-what-parts = ersättningen per del för `{ $assignment }`
params-what-pooled = det samlade resultatet
params-unsplit = Ej fördelat på del
params-pooled-board = Samlat resultat { $board }
params-pooled-total = Samlat resultat totalt
params-decision = Beslut
params-heading-parts = PER DEL: ERSÄTTNING, KOSTNAD OCH RESULTAT (kr)
params-col-assignment-part = Uppdrag / del
params-heading-pooled = SAMLAT RESULTAT PER NÄMND (kr)
params-col-part = Del
params-col-date = Datum
params-col-about = Avser
params-sheet-parts = Per del
params-sheet-pooled = Samlat resultat
params-sheet-decisions = Beslut
params-part-figure-no-month = `{ $name }` per del gäller året, inte en månad
params-hint-figures-per-part = per del finns `kostnad`, `ersättning` och `resultat`
params-expect-no-board = ingen nämnd heter `{ $name }`
params-expect-boards-are = nämnderna är { $boards }; `totalt` är alla uppdrag
params-expect-pooled-figure = ett samlat resultat har inte `{ $name }`
params-expect-pooled-month = ett samlat resultat gäller året (eller perioden), inte en månad
params-expect-pooled-month-hint = ta bort `[ÅÅÅÅ-MM]`
