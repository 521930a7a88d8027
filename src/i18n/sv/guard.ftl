# guard
