# expect
expect-cannot-read-dir = { $dir }: cannot read the directory: { $reason }
expect-no-rule-files = { $dir }: no `*.ek` rule files in the directory
