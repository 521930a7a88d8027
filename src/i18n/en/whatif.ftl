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
