"""One module per command: a plain function that does the command's work and returns its `ExitCode`.

`cli/` parses the arguments into typed values and calls these; nothing here knows Typer.
"""
