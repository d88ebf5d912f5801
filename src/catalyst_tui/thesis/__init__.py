"""Thesis engine: condition grammar, metrics, evaluation of checkpoints."""
