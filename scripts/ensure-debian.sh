#!/usr/bin/env bash
# Installs a Debian package that some tests need when its program is missing (test tools
# cannot download browsers or servers here). Usage: ensure-debian.sh PROGRAM PACKAGE WHY
set -euo pipefail
program=$1 package=$2 why=$3
if command -v "$program" >/dev/null 2>&1 || [ -x "$program" ]; then exit 0; fi
if [ "$(id -u)" = "0" ]; then
  echo "Installing Debian's $package for $why…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
else
  echo "$why need Debian's $package: run 'sudo apt-get install -y $package'." >&2
  exit 1
fi
