# expect
expect-cannot-read-dir = { $dir }: kan inte läsa mappen: { $reason }
expect-no-rule-files = { $dir }: inga regelfiler `*.ek` i mappen
