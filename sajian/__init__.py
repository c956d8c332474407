"""What each page shows, as pure pandas: one module per area (ringkasan, anggaran, kinerja, ...).

Data flows renstra_data -> loaders -> metrics -> sajian -> grafik -> halaman. A sajian
function takes the loaded Renstra (and filter values) and returns the DataFrame that a
chart draws and its table shows, with raw numbers; formatting happens in ``formatting``.
"""
