# app
# Used by the catalog's own test of plurals.
test-files-checked = { $count ->
    [one] { $count } fil
   *[other] { $count } filer
}
