# output
output-is-input = vägrar skriva till `{ $output }`: det är samma fil som indatafilen `{ $input }`, som då skulle skrivas över
    {"  "}= tips: välj ett annat namn med `-o`
