"""roadmap: keep a government roadmap's deadlines, kept as YAML in git."""

__version__ = "0.1.0"
