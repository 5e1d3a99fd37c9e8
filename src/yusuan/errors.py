"""The project's own errors: each carries a message in Chinese that tells the user what to do."""


class YusuanError(Exception):
    """An error the user can act on. `message` is shown as is; no traceback."""

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UnreadableInput(YusuanError):
    """The input cannot be read at all (empty, binary, unknown encoding, not a disclosure)."""
