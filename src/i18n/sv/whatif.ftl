# whatif: messages of the whatif work (issue 10).
whatif-let-not-per-part = `--set { $text }`: `{ $name }` har ett värde för hela uppdraget; skriv `--set` utan del
whatif-too-large = Vad händer om: beloppen blir för stora för att jämföra med utgångsläget
whatif-replaces-computed = ersätter ett beräknat värde; dess formel används inte
whatif-heading = Vad händer om (utgångsläge → nytt)
whatif-col-figure = Belopp
whatif-col-baseline = Utgångsläge
whatif-col-new = Nytt
whatif-col-change = Förändring kr
whatif-col-percent = Förändring %
whatif-board = Nämnd { $board }
whatif-nothing-moved = Inget belopp ändras.
whatif-revidera = markeringen REVIDERA finns kvar: { $text }
whatif-hint-revidera = sätt värdet och ta bort markeringen innan pengar förs över; `--strikt` gör detta till ett fel
whatif-outside-band = `{ $name }` har ändrats mer än ±{ $band } % från föregående år: { $old } → { $new } ({ $change } %)
whatif-hint-band = kontrollera beloppet; bandet är ±15 % om inte `parameter { $parameter }: % = …` anger något annat
whatif-implausible-key-figure = nyckeltalet `{ $figure }` för `{ $assignment }` ligger utanför det rimliga { $range } under { $periods ->
    [one] en period
   *[other] { $periods } perioder
}, längst ut { $value } ({ $period })
whatif-hint-implausible = kontrollera underlaget (platser, dygn, volymer) innan pengar förs över; `--strikt` gör detta till ett fel
whatif-strict = --strikt: varningarna räknas som fel
cli-arg-strikt = Räkna varningar (rimlighetskontroller, REVIDERA) som fel: avsluta med kod 2
whatif-sheet = Vad händer om
whatif-plausible-empty = det rimliga intervallet är tomt: den nedre gränsen är större än den övre
whatif-hint-plausible-empty = skriv intervallet som `rimligt lägst till högst`
whatif-plausible-unit = det rimliga intervallet är { $range } men `{ $name }` är { $unit }
whatif-hint-plausible-unit = skriv gränserna i nyckeltalets enhet, för en andel i procent: `rimligt 0 % till 105 %`
whatif-key-figures-heading = Vad händer om: nyckeltal (utgångsläge → nytt)
whatif-forecast-heading = Vad händer om: helårsprognos (utgångsläge → nytt)
whatif-col-key-figure = Nyckeltal
whatif-col-period = Period
whatif-col-change-figure = Förändring
whatif-points = { $points } procentenheter
