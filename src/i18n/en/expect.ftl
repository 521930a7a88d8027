# expect
