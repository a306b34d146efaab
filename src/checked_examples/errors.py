"""The one error a page's example blocks raise when they cannot be read."""


class BlockError(ValueError):
    """A block the harness cannot run nor the build render; the message names what to fix."""
