# guard
guard-what-all-assignments = the total over all assignments
guard-internal-error = ekostyr hit an internal error and stopped; please report it with the command line and the input files
guard-internal-error-at = internal location: { $location }
guard-all-assignments-hint = the assignment's amounts fit on their own but not in the total with the other assignments; check the parameters, the inputs and any `--set`
guard-negative-volume = negative volume { $value } of the measure `{ $measure }`
guard-negative-budget = negative budget { $value } of the measure `{ $measure }`
guard-negative-hint = a volume or budget quantity may not be negative; if it is a correction, declare the measure signed: `mått { $kind } { $measure }: …, får_vara_negativ`
