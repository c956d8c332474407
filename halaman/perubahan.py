"""Halaman sementara: diisi oleh isu 4."""

import streamlit as st

st.header("perubahan")
