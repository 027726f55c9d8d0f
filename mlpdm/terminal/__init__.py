"""The terminal interview: session, screens, keystrokes, signals, consoles, the sanitiser."""
