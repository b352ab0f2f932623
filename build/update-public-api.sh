#!/usr/bin/env bash
# Brings src/*/PublicAPI.Unshipped.txt up to date with the public surface (adds what RS0016 reports as undeclared,
# removes what RS0017 reports as gone). Review the diff: it is the public API change.
set -euo pipefail
cd "$(dirname "$0")/.."
script="$(mktemp)"
trap 'rm -f "$script"' EXIT
cat > "$script" <<'PY'
import re, sys
path, log = sys.argv[1], open(sys.argv[2]).read()
add = set(re.findall(r"RS0016: Symbol '([^']*)'", log))
remove = set(re.findall(r"RS0017: Symbol '([^']*)'", log))
lines = [l for l in open(path).read().splitlines() if l and not l.startswith('#')]
lines = sorted((set(lines) - remove) | add)
open(path, 'w').write('#nullable enable\n' + '\n'.join(lines) + '\n')
print(f"{path}: +{len(add)} -{len(remove)}")
PY
for project in src/Modal.Client src/Modal.Client.Testing src/Modal.Client.Extensions.AI src/Modal.Client.Redis; do
  log="$(mktemp)"
  dotnet build "$project" --no-incremental -v quiet > "$log" 2>&1 || true
  python3 "$script" "$project/PublicAPI.Unshipped.txt" "$log"
  rm -f "$log"
done
