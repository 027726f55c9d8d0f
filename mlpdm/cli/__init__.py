"""The typer commands: each parses options, calls the core, and reports."""
