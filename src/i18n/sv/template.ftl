# template
template-no-directory = { $file }: kan inte skriva mallen: mappen `{ $dir }` finns inte
    {"  "}= tips: skapa mappen först, eller välj en annan plats med `-o`
template-exists = { $file }: filen finns redan och mallen skulle ersätta den
    {"  "}= tips: ta bort den först, eller välj ett annat namn med `-o`
template-cannot-build = kan inte bygga arbetsboken: { $reason }
