# keyfigure: messages of the keyfigure work (issue 9).

syntax-rule-aggregation = en aggregering (`summa`, `medel`, `senaste` eller `max`)
kf-series-twice = serien `{ $series }` anges två gånger i `{ $name }`
kf-hint-series-twice = ge varje serie ett eget namn
kf-series-unit = serien `{ $series }` är { $got } men `{ $name }` är { $unit }
kf-hint-series-unit = en serie har nyckeltalets enhet: skriv den så att den blir samma som `värde`
kf-unknown-aggregation = okänd aggregering `{ $word }`
kf-note-mean = medel per månad
kf-note-latest = senaste månaden
kf-note-max = högsta månaden
kf-note-annualised = omräknat till helår
kf-report-series = { $name } (serie)
kf-no-series = `{ $name }` har ingen serie `{ $series }`
kf-hint-series-are = nyckeltalets serier är { $series }
kf-hint-per-day = `dagar` är i `dag`: skriv dygn per plats som `1 dygn/plats/dag`, så blir kvoten utan enhet
