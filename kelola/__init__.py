"""Managing the dashboard's Renstra (issue 12), without Streamlit: the versioned store of imported Renstra workbooks.

``gudang_renstra.GudangRenstra`` keeps every uploaded .xlsx workbook of a Renstra as a
version in the same database as the realisasi (``realisasi.gudang``), whose realisasi are kept
per Renstra id.
"""
