"""musrenbang.dek rendered by LibreOffice (headless) to PDF, then to PNG pages with pdftoppm.

Proves the deck opens and draws in a real presentation program, not only in python-pptx.
LibreOffice comes from Debian (``libreoffice-impress``, installed by .ci/run); without it this
test is skipped on a developer's machine but fails when CI=true.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from loaders.renstra import Renstra
from musrenbang import dek
from tests.test_musrenbang_isi import susun_daftar

BATAS_DETIK = 120


def _program(nama: str) -> str:
    """The program's path, or skip (locally) / fail (CI=true) when Debian's package is missing."""
    jalur = shutil.which(nama) or (f"/usr/bin/{nama}" if os.path.exists(f"/usr/bin/{nama}") else None)
    if jalur:
        return jalur
    pesan = f"{nama} tidak ada (apt-get install -y --no-install-recommends libreoffice-impress poppler-utils)"
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(pesan, pytrace=False)
    pytest.skip(pesan)


def test_dek_tergambar_oleh_libreoffice(renstra: Renstra, tmp_path: Path) -> None:
    soffice, pdftoppm = _program("soffice"), _program("pdftoppm")
    data = dek.dek_pptx(susun_daftar(renstra, 2020, None))
    jumlah = len(Presentation(io.BytesIO(data)).slides)
    berkas = tmp_path / "dek.pptx"
    berkas.write_bytes(data)
    rumah = tmp_path / "rumah"  # LibreOffice's profile: never the user's, never shared between runs
    rumah.mkdir()
    lingkungan = {**os.environ, "HOME": str(rumah)}
    hasil = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{rumah}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(berkas)],
        env=lingkungan, capture_output=True, text=True, timeout=BATAS_DETIK, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    pdf = tmp_path / "dek.pdf"
    assert hasil.returncode == 0 and pdf.is_file(), f"soffice gagal: {hasil.stdout}\n{hasil.stderr}"
    subprocess.run(
        [pdftoppm, "-png", "-r", "50", str(pdf), str(tmp_path / "hal")],
        capture_output=True, timeout=BATAS_DETIK, check=True, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    halaman = sorted(tmp_path.glob("hal-*.png"))
    assert len(halaman) == jumlah, "every slide is one PDF page"
    for png in halaman:
        with Image.open(png) as gambar:
            abu = gambar.convert("L")
            lebar, tinggi = abu.size
            assert abs(lebar / tinggi - 16 / 9) < 0.02, png.name
            gelap = sum(abu.histogram()[:200])  # pixels clearly darker than the white page
            assert gelap > 0.005 * lebar * tinggi, f"{png.name} is (almost) blank"
