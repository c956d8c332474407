"""Bahan Musrenbang: the slide sequence a camat or lurah takes into the meeting, as a deck and a workbook.

No Streamlit here. ``isi.susun`` builds the sequence (``Slaid``) from the same ``sajian`` /
``metrics`` functions the dashboard shows; ``dek.dek_pptx`` turns it into a PowerPoint deck with
native, editable charts and ``buku.buku_xlsx`` into a workbook with one sheet per slide.
"""
