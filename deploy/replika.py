"""Several replicas of the dashboard and nginx in front of them, started locally.

Used by tests/test_replika.py, tests/browser/test_nginx.py and bench/beban.py, and by hand for a
trial run of a kota deployment on one machine::

    RENSTRA_DB_URL=postgresql+psycopg://... .venv/bin/python -m deploy.replika --replika 2

nginx runs ``deploy/nginx.conf`` itself: only its ``listen`` port and its upstream ``server``
lines are replaced (a change to that file is what the tests run), wrapped in a small main
configuration with its own prefix (pid, logs, temp files), so no system nginx is touched.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from alat.peramban import ROOT, ekor_log, hentikan, port_bebas, tunggu_sehat

NGINX_CONF = Path(__file__).with_name("nginx.conf")
BARIS_LISTEN = "    listen 80;"
POLA_SERVER = re.compile(r"^    server 127\.0\.0\.1:\d+ (?P<opsi>[^;]*);\n", re.MULTILINE)
BATAS_MULAI_S = 90.0  # several replicas start at once on two cores
BATAS_NGINX_S = 20.0  # nginx answers health through a replica already up


class DeployGagal(RuntimeError):
    """A replica or nginx did not start (the message carries its log tail)."""


@dataclass(frozen=True)
class Replika:
    """One running ``streamlit run app.py``: its base URL, port and process (pid = the server's own)."""

    url: str
    port: int
    proc: subprocess.Popen[bytes]
    log: Path

    @property
    def pid(self) -> int:
        return self.proc.pid


def nginx_bin() -> str | None:
    """The nginx binary (Debian puts it in /usr/sbin, which a non-root PATH may lack)."""
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def _mulai_replika(env: dict[str, str], app_dir: Path) -> Replika:
    port = port_bebas()
    fd, nama_log = tempfile.mkstemp(prefix=f"replika-{port}-", suffix=".log")
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with os.fdopen(fd, "wb") as f:
        proc = subprocess.Popen(
            cmd, cwd=app_dir, stdin=subprocess.DEVNULL, stdout=f, stderr=subprocess.STDOUT,
            start_new_session=True, env={**os.environ, **env},
        )  # fmt: skip
    return Replika(f"http://127.0.0.1:{port}", port, proc, Path(nama_log))


def _hentikan_replika(r: Replika) -> None:
    hentikan(r.proc)
    if r.proc.returncode in (0, -signal.SIGTERM):
        r.log.unlink(missing_ok=True)


@contextmanager
def replika(n: int, env: dict[str, str], app_dir: Path = ROOT) -> Iterator[list[Replika]]:
    """``n`` replicas on one store (``env`` names it: RENSTRA_DB_URL), started together; stopped afterwards.

    Every replica gets the same ``server.cookieSecret`` (what a kota deployment must do too),
    unless ``env`` gives one.
    """
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32), **env}
    with ExitStack() as tumpukan:
        semua = []
        for _ in range(n):
            r = _mulai_replika(env, app_dir)
            tumpukan.callback(_hentikan_replika, r)
            semua.append(r)
        for r in semua:
            masalah = tunggu_sehat(r.proc, f"{r.url}/_stcore/health", BATAS_MULAI_S)
            if masalah is not None:
                raise DeployGagal(f"Replika di port {r.port} gagal mulai: {masalah}\n{ekor_log(r.log)}")
        yield semua


def conf_nginx(port: int, upstream: Sequence[int], prefix: Path) -> str:
    """A main configuration for ``nginx -p prefix`` that includes deploy/nginx.conf on ``port`` and ``upstream``."""
    situs = NGINX_CONF.read_text(encoding="utf-8")
    server = list(POLA_SERVER.finditer(situs))
    if BARIS_LISTEN not in situs or not server:
        raise DeployGagal(f"{NGINX_CONF}: baris '{BARIS_LISTEN.strip()}' atau 'server 127.0.0.1:<port> ...;' tidak ada")
    opsi = server[0]["opsi"]
    baru = "".join(f"    server 127.0.0.1:{p} {opsi};\n" for p in upstream)
    situs = situs[: server[0].start()] + baru + POLA_SERVER.sub("", situs[server[0].start() :])
    (prefix / "renstra.conf").write_text(situs.replace(BARIS_LISTEN, f"    listen 127.0.0.1:{port};"), "utf-8")
    return f"""daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/renstra.conf;
}}
"""


@contextmanager
def nginx(upstream: Sequence[int]) -> Iterator[str]:
    """nginx running deploy/nginx.conf on a free port in front of ``upstream`` ports; yields its base URL."""
    biner = nginx_bin()
    if biner is None:
        raise DeployGagal("nginx tidak terpasang (apt-get install -y --no-install-recommends nginx-light)")
    prefix = Path(tempfile.mkdtemp(prefix="renstra-nginx-"))
    prefix.chmod(0o755)  # workers (nobody when the master is root) write their temp files in here
    port = port_bebas()
    conf = prefix / "nginx.conf"
    conf.write_text(conf_nginx(port, upstream, prefix), encoding="utf-8")
    # -e: the log before the configuration is read, too (the default, /var/log/nginx, needs root).
    perintah = [biner, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
    uji = subprocess.run([*perintah, "-t", "-q"], capture_output=True, text=True)
    if uji.returncode != 0:
        raise DeployGagal(f"nginx -t menolak konfigurasi:\n{uji.stderr}")
    proc = subprocess.Popen(
        perintah, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        masalah = tunggu_sehat(proc, f"{url}/_stcore/health", BATAS_NGINX_S, "nginx")
        if masalah is not None:
            raise DeployGagal(f"{masalah}\n{ekor_log(prefix / 'error.log')}")
        yield url
    finally:
        hentikan(proc)  # SIGTERM to the master's group: fast shutdown of master and workers
        shutil.rmtree(prefix, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description="Beberapa replika dasbor dan nginx di depannya (uji coba lokal).")
    ap.add_argument("--replika", type=int, default=2)
    args = ap.parse_args()
    if not os.environ.get("RENSTRA_DB_URL", "").startswith("postgresql"):
        sys.exit("Set RENSTRA_DB_URL=postgresql+psycopg://... (replika berbagi satu PostgreSQL).")
    with replika(args.replika, {}) as semua, nginx([r.port for r in semua]) as url:
        print(f"nginx: {url}  replika: {', '.join(r.url for r in semua)}  (Ctrl+C untuk berhenti)", flush=True)
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
