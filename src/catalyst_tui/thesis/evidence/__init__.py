"""Evidence: the passages of a document matched to a checkpoint, and the stance each takes on it."""
