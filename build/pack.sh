#!/usr/bin/env bash
# Packs Modal.Client, Modal.Client.Testing, Modal.Client.Extensions.AI and Modal.Client.Redis (.nupkg + .snupkg) into artifacts/packages.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/packages}"
rm -rf "$out"
for project in src/Modal.Client/Modal.Client.csproj src/Modal.Client.Testing/Modal.Client.Testing.csproj src/Modal.Client.Extensions.AI/Modal.Client.Extensions.AI.csproj src/Modal.Client.Redis/Modal.Client.Redis.csproj; do
  dotnet pack "$project" -c Release -o "$out" --nologo -v quiet
done
ls -1 "$out"
