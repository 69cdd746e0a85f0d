"""The exceptions newsclean raises: one class per stable code, the codes of the CLI and JavaScript."""

from typing import Any, Dict, Optional, Tuple, Type


class Error(Exception):
    """Every error newsclean raises. ``code`` names the kind, stably:

    - ``INVALID_OPTIONS``: an unknown option, or an option of the wrong type or value;
    - ``INPUT_TOO_LARGE``: the page is larger than ``max_input_bytes``;
    - ``DECODE``: the page's bytes could not be decoded;
    - ``INVALID_ARGUMENT``: an argument of the wrong type (also a ``TypeError``);
    - ``INTERNAL``: a bug in newsclean (please report it with the page).
    """

    code: str = "INTERNAL"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidOptionsError(Error, ValueError):
    """An unknown option, or an option of the wrong type or value."""

    code = "INVALID_OPTIONS"


class InputTooLargeError(Error, ValueError):
    """The page is larger than ``max_input_bytes`` (``limit``); ``actual`` is its size in bytes."""

    code = "INPUT_TOO_LARGE"

    def __init__(self, message: str, limit: Optional[int] = None, actual: Optional[int] = None) -> None:
        super().__init__(message)
        self.limit = limit
        self.actual = actual

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.message, self.limit, self.actual))


class DecodeError(Error, ValueError):
    """The page's bytes could not be decoded."""

    code = "DECODE"


class InvalidArgumentError(Error, TypeError):
    """An argument of the wrong type (a page that is neither ``str`` nor ``bytes``, say)."""

    code = "INVALID_ARGUMENT"


class InternalError(Error, RuntimeError):
    """A bug in newsclean: please report it with the page."""

    code = "INTERNAL"


_BY_CODE: Dict[str, Type[Error]] = {
    c.code: c
    for c in (InvalidOptionsError, InputTooLargeError, DecodeError, InvalidArgumentError, InternalError)
}


def make(code: str, message: str, limit: Optional[int] = None, actual: Optional[int] = None) -> Error:
    """The exception for a code (called by the extension module; not raised here)."""
    if code == InputTooLargeError.code:
        return InputTooLargeError(message, limit, actual)
    cls = _BY_CODE.get(code)
    if cls is not None:
        return cls(message)
    e = Error(message)
    e.code = code
    return e
