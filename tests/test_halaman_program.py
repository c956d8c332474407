"""Program page (AppTest): one item's pagu, indicators and rincian, and the URL that reproduces it.

Document lines cited are of renstra_data/wonoasih-2019-2024/sumber/renstra_wonoasih_2019_2024.txt.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.appkit import buka, buka_bagian, gambar, gambar_berjudul, id_grafik

BAGIAN = ["Pagu per tahun", "Indikator dan target", "Rincian"]


@pytest.fixture(scope="module")
def program_7_01_01() -> AppTest:
    return buka("halaman/program.py", tabel_terbuka=True, program="7.01.01")


def test_pagu_7_01_01_per_tahun(program_7_01_01: AppTest) -> None:
    fig = gambar_berjudul(program_7_01_01, "pagu-item")
    batang, berlian = fig["data"][0], fig["data"][1]
    # l. 1230: 9.122.221.547 | 9.495.655.116 | 9.565.206.165; 2021 (l. 1156) printed *****: a gap, no 0 bar
    assert batang["x"] == ["2021", "2022", "2023", "2024"]
    assert batang["y"] == [None, 9_122_221_547, 9_495_655_116, 9_565_206_165]
    assert batang["customdata"][1][0] == "Rp 9.122.221.547"
    assert fig["layout"]["xaxis"]["categoryarray"] == ["2021", "2022", "2023", "2024"]
    catatan = [a["text"] for a in fig["layout"]["annotations"]]
    assert catatan == ["pagu tercetak tidak terbaca di dokumen<br>(*****)"]
    # the rincian sum is its own, labelled series: 2021 = 9.990.090.888 (l. 1157-1172)
    assert berlian["name"] == "Jumlah pagu rinciannya"
    assert berlian["x"][0] == "2021" and berlian["y"][0] == 9_990_090_888
    assert "M = miliar" in fig["layout"]["yaxis"]["title"]["text"]


def test_kedudukan_dan_tabel(program_7_01_01: AppTest) -> None:
    assert [t.label for t in program_7_01_01.tabs] == BAGIAN
    assert id_grafik(program_7_01_01) == ["pagu-item"]
    assert program_7_01_01.selectbox(key="item").value == "tc27_2022:31"
    cara = [e for e in program_7_01_01.expander if e.label == "Cara membaca"]  # under the chart
    assert cara[0].caption[0].value.startswith("Program 7.01.01. Batang")
    tabel = program_7_01_01.dataframe[0].value.set_index("tahun")
    assert tabel.loc["2022", "pagu"] == "Rp 9.122.221.547"
    assert tabel.loc["2021", "pagu"] == "–"  # never Rp 0
    assert tabel.loc["2021", "pagu_teks"] == "*****"
    assert tabel.loc["2021", "jumlah_rincian"] == "Rp 9.990.090.888"


def test_rincian_kegiatan_7_01_03_tahun_2022() -> None:
    at = buka("halaman/program.py", program="7.01.03", bagian="rincian")
    fig = gambar_berjudul(at, "rincian-item")
    t2022 = next(d for d in fig["data"] if d["name"] == "2022")
    per_kegiatan = dict(zip(t2022["y"], t2022["x"], strict=True))
    # l. 1197 and l. 1199
    assert per_kegiatan["7.01.03.2.02 Kegiatan Pemberdayaan Kelurahan"] == 1_800_000_000
    assert per_kegiatan["7.01.03.2.03 Pemberdayaan Lembaga Kemasyarakatan Tingkat Kec…"] == 197_779_200
    assert sum(per_kegiatan.values()) == 1_997_779_200  # the program's own pagu (l. 1196)
    assert {d["name"] for d in fig["data"]} == {"2021", "2022", "2023", "2024"}


def test_pilih_item_mengubah_tampilan_dan_url() -> None:
    at = buka("halaman/program.py", program="7.01.03")
    at.selectbox(key="item").select("tc27_2022:5").run()
    assert not at.exception
    assert at.query_params["item"] == "tc27_2022:5"
    # l. 1130 (2021) and l. 1200 (2022-2024): Pembangunan Sarana dan Prasarana Kelurahan, Wonoasih
    assert gambar(at)[0]["data"][0]["y"] == [280_000_000, 235_000_000, 188_940_000, 203_790_684]
    assert any("Program 7.01.03 › Kegiatan 7.01.03.2.02 › Sub kegiatan 7.01.03.2.02.02" in c.value for c in at.caption)
    # a sub kegiatan has no rincian: no chart in that tab, and the panel says why
    buka_bagian(at, "Rincian")
    assert len(gambar(at)) == 0
    assert any("tingkat terendah" in i.value for i in at.info)
    # up to the parent kegiatan (the button sits above the tabs), its pagu in the first tab
    buka_bagian(at, "Pagu per tahun")
    at.button[0].click().run()
    assert at.selectbox(key="item").value == "tc27_2022:4"
    assert gambar(at)[0]["data"][0]["y"] == [1_800_000_000, 1_800_000_000, 1_447_200_000, 1_560_949_920]


def test_url_mereproduksi_tampilan() -> None:
    at = buka("halaman/program.py", program="7.01.03", item="tc27_2022:5")
    assert at.radio(key="program").value == "7.01.03"
    assert at.selectbox(key="item").value == "tc27_2022:5"
    assert gambar(at)[0]["data"][0]["y"] == [280_000_000, 235_000_000, 188_940_000, 203_790_684]
    # with a section: the same item, that section open
    at = buka("halaman/program.py", program="7.01.03", item="tc27_2022:4", bagian="rincian")
    assert at.selectbox(key="item").value == "tc27_2022:4"
    assert id_grafik(at) == ["rincian-item"]
    assert any(s.value.startswith("Pagu sub kegiatan") for s in at.subheader)


def test_item_program_lain_kembali_ke_program() -> None:
    at = buka("halaman/program.py", program="7.01.01", item="tc27_2022:5")
    assert at.selectbox(key="item").value == "tc27_2022:31"
    at.radio(key="program").set_value("7.01.03").run()
    assert at.query_params["program"] == "7.01.03"
    assert at.selectbox(key="item").value == "tc27_2022:1"
    assert gambar(at)[0]["data"][0]["y"] == [4_142_579_200, 1_997_779_200, 1_606_116_002, 1_732_468_436]


def test_semua_program_menampilkan_program_pertama() -> None:
    at = buka("halaman/program.py")
    assert at.radio(key="program").value == "semua"
    assert any("Semua program" in m.value for m in at.markdown)
    assert at.selectbox(key="item").value == "tc27_2022:31"  # 7.01.01, first in the filter


def test_program_2020_kode_lama() -> None:
    at = buka("halaman/program.py", program="tc27_2020:9")
    fig = gambar_berjudul(at, "pagu-item")
    assert fig["data"][0]["y"] == [None]  # the program's pagu is printed *****
    assert fig["data"][1]["y"] == [253_890_000 + 645_377_000 + 389_564_000]  # l. 1045-1047
    assert all(v.endswith("(2020)") for v in at.selectbox(key="item").options)


def test_presentasi_satu_grafik() -> None:
    at = buka("halaman/program.py", program="7.01.03", mode="presentasi")
    assert len(gambar(at)) == 1


def test_tahun_tidak_tercantum_bercatatan_di_tempatnya() -> None:
    # kegiatan 7.01.01.2.07 is new in 2022-2024 (not in the 2021 table): 2021 is an empty,
    # annotated slot on the year axis, not a 0 bar. 2022: 40.124.000 (2.909.000 + 37.215.000).
    at = buka("halaman/program.py", program="7.01.01", item="tc27_2022:47")
    fig = gambar_berjudul(at, "pagu-item")
    assert fig["data"][0]["x"] == ["2021", "2022", "2023", "2024"]
    assert fig["data"][0]["y"][:2] == [None, 40_124_000]
    # x is the category position (plotly.js reads "2021" as position 2021 on a category axis)
    assert [(a["x"], a["text"]) for a in fig["layout"]["annotations"]] == [(0, "tidak tercantum di T-C.27 tahun ini")]
    # two of its sub kegiatan print "-" for 2022: grey crosses, not bars
    rincian = gambar_berjudul(buka_bagian(at, "Rincian"), "rincian-item")
    silang = next(d for d in rincian["data"] if d["name"].startswith("Pagu tidak"))
    assert silang["x"] == [0, 0] and [c[1] for c in silang["customdata"]] == ["2022", "2022"]


def test_pengantar_dan_catatan_dari_dokumen(program_7_01_01: AppTest) -> None:
    # Written from the data (sajian.anggaran.keadaan_rencana, sajian.program.catatan_kondisi_awal).
    pengantar = program_7_01_01.markdown[0].value
    assert pengantar.endswith("Sumber: tabel T-C.27 (Rencana Program, Kegiatan, dan Pendanaan), dicetak dalam 3 tabel "
                              "(2020, 2021, 2022-2024).")  # fmt: skip
    # how the tables are matched: behind "Cara membaca halaman ini", beside that sentence
    cara = [b for b in program_7_01_01.get("popover") if b.proto.popover.label == "Cara membaca halaman ini"]
    assert [m.value for m in cara[0].markdown] == [
        "Tabel berkode Permendagri 90/2019 (2021 dan 2022-2024) dicocokkan menurut kode (dan kelurahan). "
        "4 program 2020 berkode lama: tidak dipetakan ke kode baru."
    ]
    at = buka("halaman/program.py", program="7.01.01", bagian="indikator-dan-target")
    assert any("Kondisi awal hanya dicetak untuk program 2020." in c.value for c in at.caption)
