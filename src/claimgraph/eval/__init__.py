"""Evaluation: one scorer per task, shared metrics in ``metrics``."""
