# The workbench page's words (labels, buttons, view names), served to the page as a catalog.
