"""The evaluation plan: metrics, labels needed, the launch bar and their statistics."""
