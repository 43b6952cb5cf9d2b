"""The address the guide is published at, and the warning when it is still the example company's."""

from __future__ import annotations

from urllib.parse import urlsplit

from .errors import DataProblem
from .guide import Company

EXAMPLE_DOMAIN = "brightwell.example"
"""The shipped example company's domain: a guide published under it has kept the example's address."""


def names_example_company(address: str) -> bool:
    """Whether `address` is on the example company's domain (careers.brightwell.example, say)."""
    host = (urlsplit(address).hostname or "").rstrip(".").lower()
    return host == EXAMPLE_DOMAIN or host.endswith(f".{EXAMPLE_DOMAIN}")


def published_address(company: Company, environment: str | None, configured: str | None) -> str | None:
    """Where the guide will be published: the SITE_URL `environment` variable first, then
    `site_url` in data/company.yml, then the site's own setting (`site_url` in mkdocs.yml)."""
    return environment or company.site_url or configured


def example_address_warning(company: Company, address: str | None) -> DataProblem | None:
    """A warning (never a failure) when the guide would be published at the example company's address."""
    if not address or not names_example_company(address):
        return None
    line = company.site_url_line or company.origin.line
    return DataProblem(
        company.origin.path,
        line,
        f"warning: the guide will be published at {address}, the example company's address: "
        f"set site_url in {company.origin.path} to your guide's own address, e.g. https://careers.example.com/",
    )
