"""From model to HTML: the Jinja environment and filters (`environment`, `fragments`), the one
sanitising Markdown converter (`markup`), the values templates need (`views`, `career_map`,
`toc`), the page templates (`templates/`), and the contract with the browser scripts
(`browser_contract`). It reads the model; it knows nothing of pages, MkDocs or commands."""
