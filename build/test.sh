#!/usr/bin/env bash
# Runs every test of the solution (the same command README.md and .ci/run use).
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet test Modal.Client.sln "$@"
