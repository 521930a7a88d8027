# rapport
