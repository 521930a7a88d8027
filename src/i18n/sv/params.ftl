# params: messages of the params work (issue 9).
