# guard
guard-what-all-assignments = summan över alla uppdrag
guard-internal-error = ekostyr stötte på ett internt fel och avbröt; rapportera det gärna med kommandoraden och indatafilerna
guard-internal-error-at = intern felplats: { $location }
