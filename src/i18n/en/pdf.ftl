# pdf
pdf-typeset-failed = the PDF could not be typeset: { $reason }
pdf-page = Page
pdf-page-of = of
