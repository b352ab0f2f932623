#!/usr/bin/env bash
# Proves the packages work as installed: restores Modal.Client, Modal.Client.Testing and Modal.Client.Extensions.AI from the local folder
# artifacts/packages (packing first when needed) into a throwaway package cache, builds a consumer app that uses
# them, and runs it against the fake deployment.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
feed="$root/artifacts/packages"
if ! ls "$feed"/Modal.Client.[0-9]*.nupkg "$feed"/Modal.Client.Testing.*.nupkg "$feed"/Modal.Client.Extensions.AI.*.nupkg >/dev/null 2>&1; then
  bash build/pack.sh "$feed" >/dev/null
fi
version="$(ls "$feed"/Modal.Client.[0-9]*.nupkg | grep -v snupkg | head -n 1 | sed -E 's#.*/Modal\.Client\.(.*)\.nupkg#\1#')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp build/consumer/Consumer.csproj build/consumer/Program.cs build/consumer/Directory.Build.props build/consumer/Directory.Packages.props "$work/"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
echo "consumer check: Modal.Client $version from $feed"
dotnet run --project "$work/Consumer.csproj" -p:ModalClientVersion="$version" --packages "$work/packages" --nologo -v quiet
