"""mlpdm: an interview that turns an ML feature idea into a design brief with a verdict."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mlpdm")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"
