# confine
confine-bad-root = `--rot { $dir }`: { $reason }
confine-root-not-a-folder = det är ingen mapp
confine-root-missing = mappen finns inte
confine-outside = `{ $path }` läses inte: { $reason }
confine-reason-outside = den ligger utanför mappen `{ $dir }`
confine-hint-rot = filer läses bara i mappen där filen som namnger dem ligger och dess undermappar; ange `--rot MAPP` för att även tillåta filer under MAPP
confine-reason-not-a-file = { $kind ->
    [dir] det är en mapp, inte en fil
    [fifo] det är en namngiven rörledning (FIFO), inte en vanlig fil
    [device] det är en enhetsfil, inte en vanlig fil
   *[other] det är inte en vanlig fil
}
confine-reason-too-large = filen är större än { $cap } MiB, den största regelfil som läses
confine-reason-not-rules = `bygger_på` läser bara regelfiler, som slutar på `.ek`
confine-hint-rules = peka på förra årets regelfil, t.ex. `bygger_på "2023.ek"`
confine-cannot-read = kan inte läsa `{ $path }`: { $reason }
confine-chain-too-long = kedjan av `bygger_på` är längre än { $max } filer
confine-hint-chain = en fil bygger på förra årets; så många led i rad är troligen ett misstag
confine-verify-refused = kan inte kontrollera rapporten: den namnger filer som inte läses
