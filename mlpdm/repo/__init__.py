"""The repository: files, a feature's files, check, config, confinement, git, cache, data."""
