# guard
guard-what-all-assignments = summan över alla uppdrag
guard-internal-error = ekostyr stötte på ett internt fel och avbröt; rapportera det gärna med kommandoraden och indatafilerna
guard-internal-error-at = intern felplats: { $location }
guard-all-assignments-hint = uppdragets belopp ryms för sig men inte i summan med de andra uppdragen; se över parametrarna, indata och eventuella `--set`
guard-negative-volume = negativ volym { $value } för måttet `{ $measure }`
guard-negative-budget = negativ budget { $value } för måttet `{ $measure }`
guard-negative-hint = en volym eller ett budgetvärde får inte vara negativt; är det en korrigering, deklarera måttet med tecken: `mått { $kind } { $measure }: …, får_vara_negativ`
