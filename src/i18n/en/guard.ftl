# guard
guard-what-all-assignments = the total over all assignments
guard-internal-error = ekostyr hit an internal error and stopped; please report it with the command line and the input files
guard-internal-error-at = internal location: { $location }
guard-all-assignments-hint = the assignment's amounts fit on their own but not in the total with the other assignments; check the parameters, the inputs and any `--set`
