# pdf
pdf-typeset-failed = PDF:en kunde inte sättas: { $reason }
pdf-page = Sida
pdf-page-of = av
