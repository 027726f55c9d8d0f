"""The pure core: data in, data out. Nothing here touches the terminal, the disk or the environment."""
