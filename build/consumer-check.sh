#!/usr/bin/env bash
# Proves the packages work as installed, following README's Install section on a fresh project:
#  1. a new `dotnet new xunit` project with TreatWarningsAsErrors adds Modal.Client and Modal.Client.Testing from
#     artifacts/packages (a nuget.config naming that folder next to nuget.org, then `dotnet add package ...
#     --prerelease`), builds with no warning at all (NU1603 included) and runs the test class that
#     src/Modal.Client.Testing/README.md shows;
#  2. a console app (build/consumer) registers the SDK and calls it against the fake deployment (and, with
#     Modal.Client.Redis pointed at a port where no Redis listens, checks that a call is refused before sending).
# Packs first when artifacts/packages has no package. Uses a throwaway package cache, so a re-packed 0.1.0-preview is
# never shadowed by an older copy of the same version in ~/.nuget/packages.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
feed="$root/artifacts/packages"
if ! ls "$feed"/Modal.Client.[0-9]*.nupkg "$feed"/Modal.Client.Testing.*.nupkg "$feed"/Modal.Client.Extensions.AI.*.nupkg "$feed"/Modal.Client.Redis.*.nupkg >/dev/null 2>&1; then
  bash build/pack.sh "$feed" >/dev/null
fi
version="$(ls "$feed"/Modal.Client.[0-9]*.nupkg | grep -v snupkg | head -n 1 | sed -E 's#.*/Modal\.Client\.(.*)\.nupkg#\1#')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages"
echo "consumer check: Modal.Client $version from $feed"

# 1. README's Install section, verbatim, in a fresh xunit project.
(
  cd "$work"
  dotnet new xunit -o ModalTests >/dev/null
  cd ModalTests
  # Warnings as errors, as many teams build their tests.
  sed -i 's#<Nullable>enable</Nullable>#<Nullable>enable</Nullable>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>#' ModalTests.csproj
  grep -q '<TreatWarningsAsErrors>true</TreatWarningsAsErrors>' ModalTests.csproj
  dotnet new nugetconfig >/dev/null
  dotnet nuget add source "$feed" --name modal-local --configfile nuget.config >/dev/null
  dotnet add package Modal.Client --prerelease >"$work/add.log" 2>&1 || { cat "$work/add.log"; exit 1; }
  dotnet add package Modal.Client.Testing --prerelease >"$work/add.log" 2>&1 || { cat "$work/add.log"; exit 1; }
  rm -f UnitTest1.cs
  # The test class of the Testing package's README, between its markers.
  sed -n '/<!-- testing-example:start -->/,/<!-- testing-example:end -->/p' "$root/src/Modal.Client.Testing/README.md" \
    | grep -v '^<!--' | grep -v '^```' > ModalFakeTests.cs
  test -s ModalFakeTests.cs
  log="$work/xunit-build.log"
  if ! dotnet build --nologo -v q -clp:NoSummary >"$log" 2>&1 || grep -Eq 'warning [A-Z]+[0-9]+' "$log"; then
    cat "$log"
    echo "consumer check FAILED: the fresh xunit project did not build clean"
    exit 1
  fi
  dotnet test --no-build --nologo -v q
)
echo "consumer check: fresh xunit project built with no warning and ran the README's tests"

# 2. A console app against the fake.
mkdir "$work/app"
cp build/consumer/Consumer.csproj build/consumer/Program.cs build/consumer/Directory.Build.props build/consumer/Directory.Packages.props "$work/app/"
cat > "$work/app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
dotnet run --project "$work/app/Consumer.csproj" -p:ModalClientVersion="$version" --nologo -v quiet
