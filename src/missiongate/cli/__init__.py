"""The command-line face: thin typer commands over the core functions."""
