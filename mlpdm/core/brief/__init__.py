"""The brief: context, rendering, front matter, the card, the portfolio, the change report."""
