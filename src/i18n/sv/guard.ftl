# guard
guard-what-all-assignments = summan över alla uppdrag
guard-internal-error = ekostyr stötte på ett internt fel och avbröt; rapportera det gärna med kommandoraden och indatafilerna
guard-internal-error-at = intern felplats: { $location }
guard-all-assignments-hint = uppdragets belopp ryms för sig men inte i summan med de andra uppdragen; se över parametrarna, indata och eventuella `--set`
