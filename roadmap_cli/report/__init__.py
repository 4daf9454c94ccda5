"""Output formats. Reporters return text or a rich renderable; they never pick the exit code."""
