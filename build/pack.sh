#!/usr/bin/env bash
# Packs Modal.Client and Modal.Client.Testing (.nupkg + .snupkg) into artifacts/packages.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/packages}"
rm -rf "$out"
for project in src/Modal.Client/Modal.Client.csproj src/Modal.Client.Testing/Modal.Client.Testing.csproj; do
  dotnet pack "$project" -c Release -o "$out" --nologo -v quiet
done
ls -1 "$out"
