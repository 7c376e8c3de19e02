#!/usr/bin/python3
"""Extracts every page of a PDF with pypdf and prints pages, characters, seconds and pages/s (one pass)."""
import sys
import time

from pypdf import PdfReader, __version__

start = time.perf_counter()
reader = PdfReader(sys.argv[1])
pages = 0
chars = 0
for page in reader.pages:
    chars += len(page.extract_text())
    pages += 1
seconds = time.perf_counter() - start
print(f"pypdf {__version__}: {pages} pages, {chars} chars, {seconds:.2f} s, {pages / seconds:.0f} pages/s")
