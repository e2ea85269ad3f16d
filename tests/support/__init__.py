"""Helpers of the tests and the benchmark: not part of the edition's engine."""
