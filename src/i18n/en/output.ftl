# output
output-is-input = refusing to write to `{ $output }`: it is the same file as the input `{ $input }`, which would be overwritten
    {"  "}= hint: choose another name with `-o`
