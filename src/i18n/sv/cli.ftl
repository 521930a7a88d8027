# cli: kommandoradens hjälptexter, efter clap-definitionerna i src/cli.rs
cli-about = ekostyr — ekonomistyrning för verksamhetsuppdrag, som regler du kan testa
cli-arg-lang = Språk för meddelanden och rubriker: `sv` (standard) eller `en` (även när `LANG` är `en*`)
cli-flag-help = Visa hjälp
cli-flag-version = Visa version
cli-heading-usage = Användning
cli-heading-commands = Kommandon
cli-heading-options = Flaggor
cli-heading-arguments = Argument

cli-run-about = Beräkna reglerna mot en arbetsbok: överföringar, ersättning, resultat, nyckeltal
cli-run-rules = Årets regelfil, t.ex. `rules/2023.ek`
cli-run-input = Arbetsboken (xlsx, xlsm, xls, ods) eller en mapp med CSV-filer
cli-run-period = Hittills i år till och med denna månad, med helårsprognos (`ÅÅÅÅ-MM`, `ÅÅÅÅMM` eller `ÅÅÅÅ-MM-DD`); senare månaders rader läses inte och får vara tomma
cli-run-previous_input = Föregående års arbetsbok, för `föregående`-värden som behöver indata
cli-run-format = Utdataformat: `table` (standard), `csv`, `json` eller `xlsx`
cli-run-output = Skriv till denna fil (atomärt) i stället för till standard ut
cli-run-overrides = Tänk om: ändra en parameter, t.ex. `--set prisindex=3,1%`
cli-run-csv_dialect = CSV-filens dialekt: `sv` för svenskt Excel (standard: `;`, decimalkomma, BOM) eller `en` för `,` och decimalpunkt

cli-check-about = Tolka, slå upp namn och kontrollera enheter; visa varje problem med sin plats
cli-check-files = Regelfiler

cli-fmt-about = Skriv regelfiler i den enda kanoniska layouten
cli-fmt-files = Regelfiler (formateras på plats)
cli-fmt-check = Ändra ingenting; avsluta med 1 och namnge filerna som skulle ändras

cli-diff-about = Vad som ändrats mellan två års regler, och vad det kostar
cli-diff-old = Det gamla årets regler
cli-diff-new = Det nya årets regler
cli-diff-input = Beräkna de nya reglerna på denna arbetsbok för att visa effekten i kronor
cli-diff-previous_input = Det gamla årets arbetsbok (standard: samma som `--input`)
cli-diff-format = Utdataformat: `text` (standard), `json` eller `md` (Markdown för en nämndskrivelse)

cli-init-about = Påbörja nästa års regelfil utifrån årets
cli-init-year = Det nya budgetåret
cli-init-from = Årets regelfil

cli-explain-about = Härledningen av ett värde, ned till parametrar och indataceller
cli-explain-rules = Reglerna
cli-explain-input = Arbetsboken
cli-explain-target = `uppdrag`, `uppdrag.fast`, `uppdrag.rörlig`, `uppdrag.förändringar`, `uppdrag.kostnad`, `uppdrag.resultat`, `uppdrag.<nyckeltal>`, `uppdrag.överföring[2023-07]`
cli-explain-period = Hittills i år till och med denna månad
cli-explain-format = Utdataformat: `text` (standard) eller `json`

cli-test-about = Kör `förvänta`-blocken som står bredvid reglerna
cli-test-files = Regelfiler eller mappar med regelfiler

cli-template-about = Skriv en tom indataarbetsbok med de blad, kolumner och namn som reglerna läser
cli-template-rules = Reglerna
cli-template-output = Var arbetsboken ska skrivas
cli-template-period = Bara denna månads rader (`ÅÅÅÅ-MM`), att fylla i och lägga till med `ekostyr append`
cli-append-about = Lägg till en ifylld månads rader (Utfall, Volymer) i årets arbetsbok eller CSV-mapp
cli-append-rules = Årets regelfil (månadens rader kontrolleras mot den)
cli-append-input = Årets arbetsbok (xlsx) eller CSV-mapp att lägga till i; en xlsx skrivs om från cellernas värden (formatering behålls inte)
cli-append-month = Den ifyllda månadens arbetsbok eller CSV-mapp (t.ex. från `template --period`)

cli-verify-about = Kör om en JSON-rapport från filerna den namnger och säg om den återskapas
cli-verify-report = En rapport skriven med `--format json`

cli-rapport-about = Nämndrapporten: en fristående HTML-fil (eller PDF) med tabeller och diagram per nämnd
cli-rapport-rules = Årets regelfil
cli-rapport-input = Arbetsboken eller en mapp med CSV-filer
cli-rapport-period = Hittills i år till och med denna månad, med helårsprognos (`ÅÅÅÅ-MM`)
cli-rapport-board = Bara en nämnd, med sitt id (`ÄN`, `SON`)
cli-rapport-previous_input = Föregående års arbetsbok: jämförelsen med föregående år
cli-rapport-unit = Beloppsenhet: `kr`, `tkr` (standard) eller `mnkr`
cli-rapport-output = Rapportfilen; filändelsen väljer formatet (`.html` eller `.pdf`)
cli-value-board = NÄMND
cli-value-unit = ENHET

cli-completions-about = Skriv ut ett skript för kompletteringar i skalet (`ekostyr completions bash > ~/.local/share/bash-completion/completions/ekostyr`)
cli-completions-shell = Skalet: `bash`, `zsh`, `fish`, `elvish` eller `powershell`

cli-serve-about = Arbetsbänken: en lokal webbsida över en mapp med regelfiler och arbetsböcker
cli-serve-dir = Mappen med regelfiler (standard: `rules` om den finns, annars den aktuella mappen)
cli-serve-input = Arbetsboken som väljs från början; dess mapp visas också
cli-serve-port = Porten att lyssna på; 0 väljer en ledig
cli-serve-read_only = Skrivskyddat: varje skrivning (spara, ladda upp) vägras
cli-serve-address = Adressen att lyssna på (standard: bara den egna datorn, 127.0.0.1)
cli-value-dir = MAPP
cli-value-port = PORT
cli-value-address = ADRESS

# Placeholders for values in usage lines
cli-value-lang = SPRÅK
cli-value-rules = REGLER
cli-value-input = ARBETSBOK
cli-value-period = ÅÅÅÅ-MM
cli-value-month = MÅNADSFIL
cli-value-previous_input = ARBETSBOK
cli-value-format = FORMAT
cli-value-output = FIL
cli-value-overrides = NAMN=VÄRDE
cli-value-csv_dialect = DIALEKT
cli-value-files = FILER
cli-value-old = GAMLA
cli-value-new = NYA
cli-value-year = ÅR
cli-value-from = REGLER
cli-value-target = MÅL
cli-value-report = RAPPORT
cli-value-shell = SKAL
cli-usage-options = [FLAGGOR]
cli-usage-command = [KOMMANDO]

# Errors in the command line
cli-error = fel
cli-error-missing = dessa argument saknas: { $args }
cli-error-unknown-argument = okänt argument `{ $arg }`
cli-error-unknown-command = okänt kommando `{ $command }`
cli-error-invalid-value = ogiltigt värde `{ $value }` för `{ $arg }`{ $valid ->
    [none] {""}
   *[other] ; möjliga värden: { $valid }
}
cli-error-missing-command = ange ett kommando
cli-error-did-you-mean = tips: menade du `{ $name }`?
cli-error-more = Mer information: `--help`
cli-arg-rot = Läs även filer under den här mappen när regelfiler och rapporter namnger dem (annars bara i den namngivande filens mapp)
cli-value-rot = MAPP
cli-arg-max_rader = Flest datarader per blad i indata för den här körningen (standard 500 000 i Volymer, Budget och Prognos, 20 000 000 i Utfall); mer minne för fler rader
cli-value-max_rader = ANTAL
cli-arg-max_celler = Flest celler ett blad i xls eller ods får spänna över (standard 10 000 000); sådana blad läses hela i minnet
cli-value-max_celler = ANTAL

# budget
cli-budget-about = Ersättningsbryggan: från föregående års ersättning till nästa års, steg för steg
cli-budget-rules = Nästa års regelfil (som bygger på föregående års med `bygger_på`)
cli-budget-input = Föregående års arbetsbok: startpunkten, och volymerna nästa års rörliga ersättning uppskattas på
cli-budget-budget = Nästa års arbetsbok med bladet Budget (Utfall och Volymer får vara tomma eller saknas)
cli-budget-volymer = Nästa års arbetsbok med planerade volymer per månad (bladet Volymer); utan den uppskattas den rörliga ersättningen på föregående års volymer
cli-budget-format = Utdataformat: `table` (standard), `md`, `json` eller `xlsx`
cli-budget-output = Skriv till denna fil (atomärt) i stället för till standard ut
cli-value-budget = ARBETSBOK
cli-value-volymer = ARBETSBOK
