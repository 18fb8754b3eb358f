#!/usr/bin/env bash
# Installs what kgx needs to build on Debian/Ubuntu: the libxml2 headers (pkg-config libxml-2.0) and
# SQLite's (the corpus store, through GRDB).
set -euo pipefail
if pkg-config --exists libxml-2.0 2>/dev/null && [ -f "$(pkg-config --variable=includedir libxml-2.0)/libxml2/libxml/xmlwriter.h" ] \
  && [ -f /usr/include/sqlite3.h ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libxml2-dev libsqlite3-dev pkg-config >/dev/null
