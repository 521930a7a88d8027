# eval
