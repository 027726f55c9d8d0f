"""Answers: the document, coercion, typed input, prefill, blank files, schema, steps."""
