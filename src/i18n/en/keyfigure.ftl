# keyfigure: messages of the keyfigure work (issue 9).
