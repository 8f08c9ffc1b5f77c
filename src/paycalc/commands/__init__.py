"""One module per command (or group of commands); ``paycalc.cli`` composes them."""
