#!/usr/bin/env bash
# Executes the notebooks against a demo data map so they cannot rot (`.ci/run` calls this).
#   notebooks/run.sh [DEMO_DIR]
# DEMO_DIR: a folder made by `bin/scan demo --runs 2` (made here when missing). Exports go to
# notebooks/build/data, executed notebooks (with their outputs and plots) to notebooks/build.
# Needs Python 3 with pandas, matplotlib, nbconvert and ipykernel (Debian: python3-pandas
# python3-matplotlib python3-nbconvert python3-ipykernel); PIIMAP_PYTHON picks the interpreter.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCAN="$ROOT/bin/scan"
PYTHON="${PIIMAP_PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}"
DEMO="${1:-$ROOT/notebooks/build/demo}"
BUILD="$ROOT/notebooks/build"
DATA="$BUILD/data"

if ! "$PYTHON" -c "import pandas, matplotlib, nbconvert, ipykernel" 2>/dev/null; then
  echo "notebooks/run.sh: $PYTHON lacks pandas/matplotlib/nbconvert/ipykernel; fix: apt-get install python3-pandas python3-matplotlib python3-nbconvert python3-ipykernel" >&2
  exit 2
fi
if [[ ! -d "$DEMO/datamap/runs" ]]; then
  "$SCAN" demo --out "$DEMO" --runs 2 >&2
fi
DATAMAP="$DEMO/datamap"
mkdir -p "$DATA"
"$SCAN" export --datamap "$DATAMAP" --what runs --out "$DATA/runs.jsonl"
"$SCAN" export --datamap "$DATAMAP" --what findings --run all --format csv --out "$DATA/findings.csv"
"$SCAN" export --datamap "$DATAMAP" --what assets --format csv --out "$DATA/assets.csv"
"$SCAN" retention --datamap "$DATAMAP" --policy "$ROOT/policies/ahurasense-retention.yaml" > "$DATA/retention.jsonl"
"$SCAN" policy --datamap "$DATAMAP" --policy "$ROOT/policies/ahurasense-policy.yaml" > "$DATA/policy.jsonl"

# The data subject of the walk-through: the requester of the demo helpdesk export's first ticket.
SUBJECT="$("$PYTHON" - "$DEMO" <<'PY'
import json, pathlib, sys
demo = pathlib.Path(sys.argv[1])
for path in sorted(demo.glob("helpdesk-export/**/*.json*")):
    text = path.read_text(encoding="utf-8")
    records = [json.loads(l) for l in text.splitlines() if l.strip()] if path.suffix == ".jsonl" else json.loads(text)
    records = records if isinstance(records, list) else records.get("tickets", [])
    for ticket in records:
        requester = ticket.get("requester")
        email = requester.get("email") if isinstance(requester, dict) else requester
        if email and "@" in email:
            print(email)
            sys.exit(0)
sys.exit("no ticket with a requester e-mail in the demo's helpdesk export")
PY
)"

export PYDEVD_DISABLE_FILE_VALIDATION=1 PIIMAP_NOTEBOOK_DATA="$DATA" PIIMAP_SCAN="$SCAN" PIIMAP_DATAMAP="$DATAMAP" \
       PIIMAP_CONFIG="$DEMO/scan.yaml" PIIMAP_SUBJECT_EMAIL="$SUBJECT"
cd "$ROOT/notebooks"
"$PYTHON" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 --output-dir "$BUILD" \
  explore-datamap.ipynb dsr-walkthrough.ipynb >&2
echo "notebooks/run.sh: executed notebooks in $BUILD" >&2
