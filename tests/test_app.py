"""The Streamlit app in-process (AppTest): every page runs and shows the document's numbers."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

APP = "../app.py"  # resolved against this file


@pytest.fixture()
def at() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    return at


def _teks_dataframe(at: AppTest) -> str:
    return "\n".join(df.value.to_string() for df in at.dataframe)


def test_judul_di_setiap_halaman(at: AppTest) -> None:
    for halaman in ("halaman/ringkasan.py", "halaman/tabel_dokumen.py", "halaman/kualitas_data.py"):
        at.switch_page(halaman).run()
        assert not at.exception
        assert any("Dasbor Renstra" in t.value for t in at.title)


def test_ringkasan_pagu_program(at: AppTest) -> None:
    metrik = {m.label: m.value for m in at.metric}
    assert metrik["Pagu program 2022"] == "Rp 13,0 M"
    assert metrik["Pagu program 2021"] == "Rp 5,8 M"
    assert metrik["Pagu program 2020"] == "–"  # all four printed *****: not 0, not guessed
    caption = [c.value for c in at.caption]
    assert "Rp 12.957.945.947" in caption
    assert "Rp 5.767.508.400" in caption
    assert (
        "Jumlah 3 dari 4 program saja; 1 program pagu-nya tidak terbaca di dokumen (*****); lihat Kualitas data"
        in caption
    )
    assert "4 program pagu-nya tidak terbaca di dokumen (*****); lihat Kualitas data" in caption
    assert not any("Rp 0" in c for c in caption)
    assert any("M = miliar (10⁹), jt = juta (10⁶)" in c for c in caption)


def test_ringkasan_tabel_dimuat(at: AppTest) -> None:
    tabel = at.dataframe[0].value.set_index("tabel")
    assert tabel.loc["T-C.24", "jumlah_baris"] == 36
    assert len(tabel) == 15
    assert any("BERSAMA RAKYAT MEMBANGUN" in m.value for m in at.markdown)


def test_tabel_dokumen_tc24_seperti_tercetak(at: AppTest) -> None:
    at.switch_page("halaman/tabel_dokumen.py").run()
    assert not at.exception
    at.selectbox(key="tabel").select("tc24").run()
    assert not at.exception
    assert "64,175,000" in _teks_dataframe(at)
    assert any("T-C.24 — Anggaran dan Realisasi Pendanaan" in s.value for s in at.subheader)
    assert any("Tidak ada koreksi" in m.value for m in at.markdown)


def test_tabel_dokumen_koreksi(at: AppTest) -> None:
    at.switch_page("halaman/tabel_dokumen.py").run()
    at.selectbox(key="tabel").select("tc27_2021").run()
    assert not at.exception
    assert "baris_ulang" in _teks_dataframe(at)


def test_kualitas_data(at: AppTest) -> None:
    at.switch_page("halaman/kualitas_data.py").run()
    assert not at.exception
    metrik = {m.label: m.value for m in at.metric}
    assert set(metrik) == {"Galat", "Peringatan", "Info"}
    assert at.multiselect(key="keparahan").value == ["galat", "peringatan"]
    temuan = at.dataframe[0].value
    assert "Program Pemantapan Gerdu Taskin" in set(temuan["uraian"])
    assert "realisasi melebihi anggaran" in set(temuan["jenis"])
    assert set(temuan["keparahan"]) <= {"galat", "peringatan"}
    assert len(temuan) == int(metrik["Galat"]) + int(metrik["Peringatan"])

    at.multiselect(key="keparahan").set_value(["info"]).run()
    assert not at.exception
    assert set(at.dataframe[0].value["keparahan"]) == {"info"}
