"""Career Guide: a MkDocs plugin that turns a company's career-development data
(YAML under `data/`) into a guide.

`macros.integration.plugin.CareerGuidePlugin` is the entry point MkDocs loads (`career-guide`
under `plugins:` in mkdocs.yml); the README's architecture section maps the
modules.
"""
