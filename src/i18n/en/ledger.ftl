# ledger: messages of the ledger work (issue 9).

## check
ledger-out-of-scope-twice = `utanför "{ $name }"` is already declared
ledger-out-of-scope-overlap = ID code `{ $code }` of "{ $unit }" (out of scope) overlaps `{ $other }` of `{ $assignment }`
ledger-assignment-overlaps-out-of-scope = ID code `{ $code }` of `{ $assignment }` overlaps `{ $other }`, which is out of scope ("{ $unit }")
ledger-hint-out-of-scope = a code belongs either to an assignment or to a unit outside the steering model, not both; remove one of them
ledger-activity-twice = activity `{ $id }` is already declared in `{ $assignment }`
ledger-activity-outside = ID code `{ $code }` of activity "{ $activity }" lies outside the codes of `{ $assignment }` ({ $codes })
ledger-hint-activity-outside = level 3 divides the assignment's cost; give the activity codes within the `id` of the assignment or its parts
ledger-change-outside = ID code `{ $code }` of change `{ $change }` lies outside the codes of assignment `{ $assignment }` ({ $codes })
ledger-hint-change-outside = a change's cost is followed up within its assignment's cost; give it codes within the `id` of the assignment, its parts or activities
ledger-too-many-changes = at most { $max } changes with ID codes of their own in `{ $assignment }`
ledger-komplement-overlap = komplement code `{ $code }` of `{ $assignment }` overlaps `{ $other }` of `{ $other_assignment }`
ledger-hint-komplement-disjoint = a komplement code belongs to one assignment, or SoF's view cannot be reconciled

## eval
ledger-what-views = the out-of-scope units and the two views (ID and komplement)
ledger-what-level3 = level 3 of `{ $assignment }`
ledger-what-change-ledger = the changes' own codes in `{ $assignment }`

## report
ledger-heading-level3 = LEVEL 3: COST PER ACTIVITY (kr)
ledger-heading-views = TWO VIEWS: ID (LEANLINK) AND KOMPLEMENT (SOF) (kr)
ledger-heading-disagreements = POSTINGS ON WHICH THE VIEWS DISAGREE: { $n } { $n ->
    [one] pair
   *[other] pairs
} (id, komplement)
ledger-col-activity-id = Id
ledger-col-id-view = ID view
ledger-col-komplement-view = Komplement view
ledger-col-difference = Difference
ledger-col-id = ID code
ledger-col-komplement = Komplement
ledger-col-id-assignment = Assignment by ID
ledger-col-komplement-assignment = Assignment by komplement
ledger-col-postings = Count
ledger-col-sum = Sum
ledger-row-unmapped = Unmapped
ledger-row-out-of-scope = Out of scope
ledger-no-assignment = (none)
ledger-out-of-scope = OUT OF SCOPE: { $count } { $n ->
    [one] posting
   *[other] postings
}, sum { $sum } kr
ledger-out-of-scope-unit = { $name }: { $count } { $n ->
    [one] posting
   *[other] postings
}, { $sum } kr
ledger-sheet-level3 = Level 3
ledger-sheet-views = Two views
ledger-sheet-out-of-scope = Out of scope

## explain
ledger-explain-activity = of which level 3 { $activity } (id { $codes })
ledger-explain-change = of which the change { $change } (id { $codes })
ledger-no-komplement = `{ $assignment }` has no komplement codes, so all its postings are unmapped in SoF's view
ledger-hint-no-komplement = give the assignment (or its parts) `komplement …` as the other assignments have
