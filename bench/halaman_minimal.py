"""Baseline for bench/halaman.py: the smallest page with one plotly chart, served like the app."""

import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Bar(x=["2020", "2021", "2022"], y=[1, 3, 2])), theme=None)
