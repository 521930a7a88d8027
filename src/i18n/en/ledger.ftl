# ledger: messages of the ledger work (issue 9).

## check
ledger-out-of-scope-twice = `utanför "{ $name }"` is already declared
ledger-out-of-scope-overlap = ID code `{ $code }` of "{ $unit }" (out of scope) overlaps `{ $other }` of `{ $assignment }`
ledger-assignment-overlaps-out-of-scope = ID code `{ $code }` of `{ $assignment }` overlaps `{ $other }`, which is out of scope ("{ $unit }")
ledger-hint-out-of-scope = a code belongs either to an assignment or to a unit outside the steering model, not both; remove one of them
ledger-activity-twice = activity `{ $id }` is already declared in `{ $assignment }`
ledger-activity-outside = ID code `{ $code }` of activity "{ $activity }" lies outside the codes of assignment `{ $assignment }` ({ $codes })
ledger-hint-activity-outside = level 3 divides the assignment's cost; give the activity codes within the `id` of the assignment or its parts
ledger-change-outside = ID code `{ $code }` of change `{ $change }` lies outside the codes of assignment `{ $assignment }` ({ $codes })
ledger-hint-change-outside = a change's cost is followed up within its assignment's cost; give it codes within the `id` of the assignment, its parts or activities
ledger-too-many-changes = at most { $max } changes with ID codes of their own in `{ $assignment }`
ledger-komplement-overlap = komplement code `{ $code }` of `{ $assignment }` overlaps `{ $other }` of `{ $other_assignment }`
ledger-hint-komplement-disjoint = a komplement code belongs to one assignment, or SoF's view cannot be reconciled
