"""The lowest layer: the typed, immutable guide (`guide`), its stable addresses (`urls`), the one
error type for bad data (`errors`), and what is computed from the guide alone: moves and what
changes (`career_moves`), routes (`routes`), content health (`health`). It imports nothing of
the layers above."""
