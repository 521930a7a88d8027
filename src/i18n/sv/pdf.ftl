# pdf
