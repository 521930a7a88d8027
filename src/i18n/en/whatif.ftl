# whatif: messages of the whatif work (issue 10).
whatif-let-not-per-part = `--set { $text }`: `{ $name }` has one value for the whole assignment; give `--set` without a part
whatif-too-large = What-if: the amounts are too large to compare with the baseline
whatif-replaces-computed = replaces a computed value; its formula is not used
whatif-heading = What if (baseline → new)
whatif-col-figure = Figure
whatif-col-baseline = Baseline
whatif-col-new = New
whatif-col-change = Change kr
whatif-col-percent = Change %
whatif-board = Board { $board }
whatif-nothing-moved = No amount moves.
whatif-revidera = the marker REVIDERA is still here: { $text }
whatif-hint-revidera = set the value and remove the marker before money moves; `--strikt` makes this an error
whatif-outside-band = `{ $name }` changed by more than ±{ $band } % from last year: { $old } → { $new } ({ $change } %)
whatif-hint-band = check the amount; the band is ±15 % unless `parameter { $parameter }: % = …` says otherwise
whatif-implausible-key-figure = the key figure `{ $figure }` of `{ $assignment }` lies outside the plausible { $range } in { $periods ->
    [one] one period
   *[other] { $periods } periods
}, farthest out { $value } ({ $period })
whatif-hint-implausible = check the inputs (places, days, volumes) before money moves; `--strikt` makes this an error
whatif-strict = --strikt: the warnings count as errors
cli-arg-strikt = Count warnings (sanity checks, REVIDERA) as errors: exit with code 2
whatif-sheet = What if
whatif-plausible-empty = the plausible range is empty: the lower bound is above the upper
whatif-hint-plausible-empty = write the range as `rimligt lowest till highest`
whatif-plausible-unit = the plausible range is { $range } but `{ $name }` is { $unit }
whatif-hint-plausible-unit = write the bounds in the key figure's unit, for a share in per cent: `rimligt 0 % till 105 %`
whatif-key-figures-heading = What if: key figures (baseline → new)
whatif-forecast-heading = What if: full-year forecast (baseline → new)
whatif-col-key-figure = Key figure
whatif-col-period = Period
whatif-col-change-figure = Change
whatif-points = { $points } percentage points
