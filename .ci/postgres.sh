# shellcheck shell=bash
# PostgreSQL for the store tests (issue 14), sourced by .ci/run; also runs alone: `bash .ci/postgres.sh`.
#
# Installs Debian's postgresql when missing, keeps a cluster of its own (renstra_uji, on
# localhost:$RENSTRA_UJI_PG_PORT, default 54329) running, with a role and a database for the tests,
# and exports RENSTRA_TEST_PG_URL. Idempotent: a second run finds everything in place and only
# starts the cluster if it is down. Runs as root (CI); the cluster belongs to the postgres user.
# The password is a synthetic one for this throwaway test cluster, which listens on localhost only.

pg_uji_siapkan() {
    local nama=renstra_uji port="${RENSTRA_UJI_PG_PORT:-54329}" peran=renstra_uji sandi=uji-renstra-lokal
    local versi keadaan

    if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        if declare -F apt_update_sekali >/dev/null; then apt_update_sekali; else apt-get update; fi
        echo "==> apt-get install -y --no-install-recommends postgresql"
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
    else
        echo "==> PostgreSQL already installed, skipping apt step"
    fi
    versi="$(ls /usr/lib/postgresql | sort -n | tail -1)"

    # status of our cluster: empty when it does not exist yet, else online/down
    keadaan="$(pg_lsclusters -h | awk -v v="$versi" -v n="$nama" '$1 == v && $2 == n {print $4}')"
    if [ -z "$keadaan" ]; then
        echo "==> pg_createcluster $versi $nama (port $port, localhost only)"
        pg_createcluster "$versi" "$nama" -p "$port" --start-conf=manual -o fsync=off -o synchronous_commit=off \
            -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
    fi
    if [ "$keadaan" != online ]; then
        echo "==> pg_ctlcluster $versi $nama start"
        pg_ctlcluster "$versi" "$nama" start
    fi

    local psql_su=(runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres)
    if [ "$("${psql_su[@]}" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$peran'")" != 1 ]; then
        echo "==> CREATE ROLE $peran"
        "${psql_su[@]}" -c "CREATE ROLE $peran LOGIN CREATEDB PASSWORD '$sandi'"
    fi
    if [ "$("${psql_su[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$peran'")" != 1 ]; then
        echo "==> CREATE DATABASE $peran"
        "${psql_su[@]}" -c "CREATE DATABASE $peran OWNER $peran"
    fi

    export RENSTRA_TEST_PG_URL="postgresql+psycopg://$peran:$sandi@127.0.0.1:$port/$peran"
    echo "==> PostgreSQL $versi ready: RENSTRA_TEST_PG_URL=postgresql+psycopg://$peran:***@127.0.0.1:$port/$peran"
}

pg_uji_siapkan
