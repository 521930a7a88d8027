# keyfigure: messages of the keyfigure work (issue 9).

syntax-rule-aggregation = an aggregation (`summa`, `medel`, `senaste` or `max`)
kf-series-twice = the series `{ $series }` is given twice in `{ $name }`
kf-hint-series-twice = give each series a name of its own
kf-series-unit = the series `{ $series }` is in { $got } but `{ $name }` is in { $unit }
kf-hint-series-unit = a series has the key figure's unit: write it so that it comes out as `värde` does
kf-unknown-aggregation = unknown aggregation `{ $word }`
kf-note-mean = mean per month
kf-note-latest = the latest month
kf-note-max = the highest month
kf-note-annualised = annualised
kf-report-series = { $name } (series)
kf-no-series = `{ $name }` has no series `{ $series }`
kf-hint-series-are = the key figure's series are { $series }
kf-hint-per-day = `dagar` is in `dag`: write care days per place as `1 dygn/plats/dag`, and the ratio has no unit
