"""Reading a user's roster: CSV lines and byte ranges (``files``), an .xlsx sheet's rows (``sheets``), and a header's
columns by their names or what exports call them (``columns``). Below the rules: it knows no pay, only files."""
