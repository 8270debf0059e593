#!/usr/bin/env bash
# PostgreSQL for the indexer's tests: installs Debian's `postgresql` package if missing, starts its cluster
# and creates the test database. Source it (`. scripts/ci/postgres.sh`) to get DATABASE_URL exported; the
# indexer's tests run on PGlite without it and on this server with it.
# Environment: BLOCKETF_PG_DB (default blocketf_test), PGPORT (default: the cluster's port).

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "== installing postgresql (Debian package)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^${pg_version} main$"; then
  pg_createcluster "${pg_version}" main >/dev/null
fi
pg_port=${PGPORT:-$(pg_lsclusters -h | awk -v v="${pg_version}" '$1 == v && $2 == "main" {print $3}')}
if ! pg_lsclusters -h | awk -v v="${pg_version}" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster "${pg_version}" main start
fi

db=${BLOCKETF_PG_DB:-blocketf_test}
# Local test server only: a fixed password on 127.0.0.1.
su postgres -c "psql -q -p ${pg_port} -c \"ALTER USER postgres PASSWORD 'postgres'\""
if ! su postgres -c "psql -p ${pg_port} -tAc \"SELECT 1 FROM pg_database WHERE datname = '${db}'\"" | grep -q 1; then
  su postgres -c "createdb -p ${pg_port} ${db}"
fi

export DATABASE_URL="postgres://postgres:postgres@127.0.0.1:${pg_port}/${db}"
echo "== PostgreSQL ${pg_version} on port ${pg_port}: DATABASE_URL points at database ${db}"
