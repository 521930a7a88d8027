# guard
guard-what-all-assignments = the total over all assignments
guard-internal-error = ekostyr hit an internal error and stopped; please report it with the command line and the input files
guard-internal-error-at = internal location: { $location }
