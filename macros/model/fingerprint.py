"""A short fingerprint of Python values, for telling while previewing whether what a page is made from changed."""

from __future__ import annotations

import hashlib


def digest(*parts: object) -> str:
    """A fingerprint of `parts`, by their repr: records are NamedTuples, whose repr holds every field."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
