# ekostyr serve: the server's messages (start line, refusals, API errors).
