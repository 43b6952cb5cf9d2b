"""HR's commands, each a `python -m` entry point behind a make target: `check`, `changes`,
`refactor` (rename, delete, move), `publish` (make build), the spreadsheet round trip
(`spreadsheet`), and their helpers (`data_writes`, `github_annotations`)."""
