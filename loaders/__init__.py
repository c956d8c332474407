"""Renstra tables to DataFrames. No Streamlit here: everything is testable on its own.

from loaders import load_renstra, audit_renstra
renstra = load_renstra()          # the bundled Renstra
temuan = audit_renstra(renstra)   # the document's own inconsistencies
"""

from loaders.audit import audit_renstra
from loaders.errors import RenstraError
from loaders.renstra import Renstra, load_renstra

__all__ = ["Renstra", "RenstraError", "audit_renstra", "load_renstra"]
