"""Benchmark (not a test): the worst uploads, their time and the server process's extra memory.

Each hostile file is SYNTHETIC, built here (and by ``tests/berkas_jahat.py``) from a genuine
template, then read by a fresh Python process exactly as the page does
(``realisasi.alur.periksa`` against a throwaway store; the Renstra workbook loader for the
Renstra cases). Per file: wall time of the check and the growth of the process's peak RSS
(``ru_maxrss`` after the check minus before it, the Renstra already loaded). The baseline in
the same run is a genuine filled template. Goal (issue 11): every file under +256 MB and 3 s.

    .venv/bin/python bench/unggahan.py
"""

from __future__ import annotations

import io
import json
import random
import string
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from loaders import load_renstra  # noqa: E402
from realisasi.templat import buat_templat  # noqa: E402
from tests import berkas_jahat as bj  # noqa: E402

MB = 1024 * 1024

_ANAK = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from loaders import load_renstra
from loaders.errors import RenstraError
from realisasi import alur
from realisasi.akun import Akun
from realisasi.gudang import Gudang


def puncak_rss():
    for baris in open("/proc/self/status"):
        if baris.startswith("VmHWM:"):
            return int(baris.split()[1]) / 1024


r = load_renstra()
data = open(sys.argv[2], "rb").read()
jenis = sys.argv[3]
g = Gudang("sqlite:///" + sys.argv[4])
with open("/proc/self/clear_refs", "w") as f:  # resets the peak RSS (VmHWM) to the current RSS
    f.write("5")
sebelum = puncak_rss()
t = time.perf_counter()
try:
    if jenis == "renstra":
        from loaders.xlsx import baca_xlsx
        baca_xlsx(data, "renstra.xlsx")
    else:
        alur.periksa(data, r, 2022, Akun("admin", "admin"), g, "unggahan.xlsx")
    hasil = "diterima"
except RenstraError as e:
    hasil = "ditolak: " + str(e).splitlines()[-1].lstrip("- ")
detik = time.perf_counter() - t
print(json.dumps({"detik": detik, "mb": puncak_rss() - sebelum, "hasil": hasil}))
"""


def _isi(t: bytes) -> bytes:
    """The genuine template with two plausible values typed in (the baseline)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(t))
    ws = wb["Realisasi"]
    ws["H9"], ws["I9"] = 2, 95_000_000
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def _sel_maksimum(t: bytes) -> bytes:
    """As many cells as the cap allows (50.000 per sheet), each a short inline string, right of the template."""
    sel = "".join(f'<row r="{n}"><c r="K{n}" t="inlineStr"><is><t>x</t></is></c></row>' for n in range(70, 50_060))
    return bj.ganti(t, bj.SHEET_DATA, lambda x: x.replace(b"</sheetData>", sel.encode() + b"</sheetData>"))


def _teks_bersama_besar(t: bytes) -> bytes:
    """A shared-string table of about 19 MB (the whole upload may inflate to 20 MB)."""
    si = "<si><t>" + "a" * 1000 + "</t></si>"
    sst = f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{si * 19_000}</sst>'.encode()
    return bj.tambah(
        t,
        "xl/sharedStrings.xml",
        sst,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
        ("xl/workbook.xml", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"),
    )


def _sarang(t: bytes, bagian: str) -> bytes:
    """XML nested 60.000 levels deep in ``bagian`` (1 MB; random tag names, so it does not compress like a bomb)."""
    acak = random.Random(0)
    nama = ["".join(acak.choices(string.ascii_lowercase, k=6)) for _ in range(60_000)]
    xml = "".join(f"<{n}>" for n in nama) + "".join(f"</{n}>" for n in reversed(nama))
    return bj.ganti(t, bagian, lambda _: xml.encode())


def _renstra_sel_maksimum(rx: bytes) -> bytes:
    """The Renstra workbook with as many cells as its cap (100.000 in all) in one of its sheets."""
    sel = "".join(f'<c r="Z{n}" t="inlineStr"><is><t>x</t></is></c>' for n in range(10, 100_010))
    return bj.ganti(
        rx,
        _lembar_pertama(rx),
        lambda x: x.replace(b"</sheetData>", f'<row r="10">{sel}</row>'.encode() + b"</sheetData>"),
    )


def _banyak_bagian(t: bytes) -> bytes:
    isi = bj.bagian(t)
    for i in range(480):
        isi[f"customXml/item{i}.xml"] = b"<a/>"
    return bj.susun(isi)


def _renstra_xlsx() -> bytes:
    keluaran = io.BytesIO()
    load_renstra().ke_xlsx(keluaran)
    return keluaran.getvalue()


def berkas() -> list[tuple[str, str, bytes]]:
    t = buat_templat(load_renstra(), 2022)
    isi = _isi(t)
    rx = _renstra_xlsx()
    return [
        ("templat terisi (patokan)", "unggahan", isi),
        (
            "header zip berbohong: 40 KB dinyatakan, ± 4,7 GB isi",
            "unggahan",
            bj.bom_bohong(t, 4800 * MB),
        ),
        (
            "bom zip jujur: 1 bagian 20 MB dari 20 KB",
            "unggahan",
            bj.susun({**bj.bagian(t), "xl/nol.xml": b" " * 20 * MB}),
        ),
        ("bom entitas XML (billion laughs)", "unggahan", bj.dtd_dalam_pengodean(t, "utf-8", False)),
        (
            "DTD dalam UTF-16 di bagian .bin",
            "unggahan",
            bj.lembar_bernama_lain(t, isi=lambda x: bj.ke_pengodean(bj.sisip_dtd(x), "utf-16-le")),
        ),
        ("50.000 sel terisi di luar templat", "unggahan", _sel_maksimum(isi)),
        ("tabel teks bersama 19 MB", "unggahan", _teks_bersama_besar(isi)),
        ("XML bersarang 60.000 tingkat di lembar", "unggahan", _sarang(isi, bj.SHEET_DATA)),
        ("XML bersarang 60.000 tingkat di docProps", "unggahan", _sarang(isi, "docProps/app.xml")),
        ("490 bagian", "unggahan", _banyak_bagian(isi)),
        ("makro VBA", "unggahan", bj.makro(isi)),
        ("buku kerja Renstra (patokan)", "renstra", rx),
        ("buku kerja Renstra: 100.000 sel (batas)", "renstra", _renstra_sel_maksimum(rx)),
        (
            "buku kerja Renstra: header zip berbohong",
            "renstra",
            bj.bom_bohong(rx, 4800 * MB, nama=_lembar_pertama(rx)),
        ),
    ]


def _lembar_pertama(rx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(rx)) as z:
        return next(n for n in z.namelist() if n.startswith("xl/worksheets/"))


def main() -> None:
    baris = []
    with tempfile.TemporaryDirectory() as d:
        for i, (nama, jenis, data) in enumerate(berkas()):
            p = Path(d) / f"{i}.xlsx"
            p.write_bytes(data)
            keluar = subprocess.run(
                [sys.executable, "-c", _ANAK, str(AKAR), str(p), jenis, str(Path(d) / f"g{i}.sqlite")],
                capture_output=True,
                text=True,
                check=True,
            )
            hasil = json.loads(keluar.stdout.strip().splitlines()[-1])
            baris.append((nama, len(data), hasil))
            print(
                f"{nama:55s} {len(data) / MB:5.2f} MB {hasil['detik'] * 1000:6.0f} ms  RSS +{hasil['mb']:5.1f} MB\n"
                f"    {hasil['hasil'][:160]}"
            )
    terburuk_ms = max(h["detik"] for _, _, h in baris) * 1000
    terburuk_mb = max(h["mb"] for _, _, h in baris)
    print(f"\nterburuk: {terburuk_ms:.0f} ms, +{terburuk_mb:.1f} MB (tujuan: < 3000 ms, < +256 MB)")


if __name__ == "__main__":
    main()
