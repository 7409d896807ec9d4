#!/usr/bin/env bash
# The browser tests use Debian's Chromium: test tools cannot download browsers here.
exec bash "$(dirname "$0")/ensure-debian.sh" /usr/bin/chromium chromium "the browser tests"
