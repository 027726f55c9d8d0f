"""The decision: rules into a verdict, what would change it, the gates it passed."""
