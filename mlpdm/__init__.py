"""mlpdm: an interview that turns an ML feature idea into a design brief with a verdict."""

# The one place the version is written: the build reads it from here (pyproject.toml,
# [tool.hatch.version]), so `mlpdm --version` needs no package-metadata lookup at start-up.
__version__ = "0.2.0"
