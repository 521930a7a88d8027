# pdf
pdf-typeset-failed = PDF:en kunde inte sättas: { $reason }
