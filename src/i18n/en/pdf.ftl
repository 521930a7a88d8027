# pdf
pdf-typeset-failed = the PDF could not be typeset: { $reason }
