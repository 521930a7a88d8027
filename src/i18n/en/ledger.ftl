# ledger: messages of the ledger work (issue 9).
