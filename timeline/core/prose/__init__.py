"""Reading dated events out of prose: sentences, date expressions and proposals."""
