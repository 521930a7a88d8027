# whatif: messages of the whatif work (issue 10).
