"""Benchmarks of what users feel, each beside the tool people use instead.

    python -m bench CORPUS_DIR [--out BENCHMARKS.md] [--quick]
"""
