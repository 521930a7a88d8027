# validity: messages of the validity work (issue 9).
