# app
# Used by the catalog's own test of plurals.
test-files-checked = { $count ->
    [one] { $count } file
   *[other] { $count } files
}
