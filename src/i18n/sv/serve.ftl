# ekostyr serve: the server's messages (start line, refusals, API errors).
serve-started = ekostyr arbetsbänk: { $url }
serve-stop-hint = Öppna adressen i webbläsaren. Tryck Ctrl-C för att stoppa arbetsbänken.
serve-cannot-start = kan inte starta arbetsbänken: { $reason }
serve-cannot-bind = kan inte lyssna på { $address } port { $port }: { $reason }
serve-bad-dir = kan inte visa mappen `{ $dir }`: { $reason }
serve-bad-input = kan inte använda arbetsboken `{ $file }`: { $reason }
serve-forbidden-host = okänd värd `{ $host }`: arbetsbänken svarar bara på sin egen adress
serve-forbidden-origin = anrop från en annan webbplats (`{ $origin }`) vägras
serve-forbidden-token = nyckeln saknas eller är fel: öppna adressen som `ekostyr serve` skrev ut, med `?token=`
serve-outside = `{ $path }` ligger utanför mappen som arbetsbänken visar
serve-not-found = `{ $path }` finns inte
serve-not-rules = `{ $path }` är ingen regelfil (`.ek`)
serve-cannot-read = kan inte läsa `{ $path }`: { $reason }
serve-bad-json = felaktig begäran: { $reason }
serve-too-large = texten är större än { $cap } MiB
serve-no-such-endpoint = okänd adress `{ $path }`
serve-internal = internt fel i arbetsbänken
serve-read-only = arbetsbänken är skrivskyddad (`--skrivskyddad`): inget sparas
serve-save-has-errors = `{ $path }` har fel och sparas inte (skicka `force` för att spara ändå)
serve-no-input = ingen arbetsbok vald: skicka `input` eller starta med `--input`
serve-no-set = inget att pröva: skicka minst en ändring i `set`, t.ex. `prisindex=3,1 %`
serve-budget-not-base = `{ $from }` är inte filen som nästa års regler bygger på (`bygger_på`)
serve-not-committed = kan inte läsa den sparade versionen av `{ $path }`: { $reason }
serve-no-repository = mappen ligger inte i något git-arkiv
serve-no-commit = arkivet har ingen version ännu (ingen commit)
serve-not-in-commit = filen finns inte i den senaste versionen (HEAD)
serve-no-rules = ingen regelfil att pröva arbetsboken mot: skicka `path`
serve-more-problems = och { $count } problem till
serve-upload-too-large = filen är större än { $cap } MiB och tas inte emot
serve-bad-upload-name = `{ $name }` är inget tillåtet namn på en arbetsbok (ett filnamn som slutar på `.xlsx`, `.xlsm`, `.xls` eller `.ods`)
