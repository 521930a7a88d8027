# budget: messages of the budget work (issue 10).
