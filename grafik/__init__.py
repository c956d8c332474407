"""Chart builders: pandas in, plotly figures out. No Streamlit, no number formatting of their own.

Every figure goes through ``grafik.gaya`` (one palette, separators, hover format) and takes
its text from ``formatting``, so a chart and the table beside it always agree.
"""
