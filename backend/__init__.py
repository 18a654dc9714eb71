"""ffcv-wheels' in-tree PEP 517 backend: FFCV's released sdist in, a self-contained wheel out.

The hooks live in backend.hooks; each pipeline stage has a module of its own.
"""
