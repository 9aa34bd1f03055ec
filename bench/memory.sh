#!/usr/bin/env bash
# Peak memory of gulagstats on hostile and very large user files, by /usr/bin/time -v.
#
#   bash bench/memory.sh          # from the repository root, venv active; prints a Markdown table
#
# Every input is made in a temporary directory and removed afterwards: the 1 GB files are sparse
# (truncate), so they use no disk; the largest accepted claims file is generated (about 64 MB).
# The baseline is a process that only imports pandas, measured in the same run.
set -euo pipefail
PY=${PYTHON:-python}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

row() {  # row LABEL COMMAND...: one Markdown row with exit status, peak RSS, seconds and stderr
  local label=$1; shift
  local status=0
  timeout 600 "$TIME" -v -o time.txt "$@" >out.txt 2>err.txt || status=$?
  local rss secs
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' time.txt)
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' time.txt)
  local said
  said=$(head -c 300 err.txt | tr '\n|' ' /')
  echo "| $label | $status | $rss | $secs | $said |"
}

printf 'quantity,value,period\n' > claims_1GB.csv && truncate -s 1G claims_1GB.csv
printf 'table,period,population,measure,category,unit,value,locator,note\n' > overlay_1GB.csv
truncate -s 1G overlay_1GB.csv
mkfifo fifo.csv
LIMIT=$($PY -c 'from gulagstats.estimates.claims import MAX_CLAIMS_BYTES as M; print(M)')
$PY - "$LIMIT" <<'EOF'
import random, sys
limit = int(sys.argv[1])
periods = ["1937-1938", "1937", "1938", "1939-01-01", "1930/1953"]


def claims(name, quantities, seed):
    """Random claims up to the claims file limit; returns how many."""
    random.seed(seed)
    with open(name, "w") as f:
        f.write("id,quantity,value,period\n")
        size, i = 24, 0
        while True:
            line = f"c{i},{random.choice(quantities)},{random.randint(1, 20_000_000)},{random.choice(periods)}\n"
            if size + len(line) > limit - 64:
                return i
            f.write(line)
            size += len(line)
            i += 1


# some quantities outside the vocabulary (error rows), then every claim valid (the review's RS-01)
print(claims("claims_max.csv", ["executions", "arrests", "camp_population", "gulag_deaths", "victims"], 1), file=sys.stderr)
claims("claims_valid.csv", ["executions", "arrests", "camp_population", "gulag_deaths", "repressed_total", "camp_deaths"], 2)
EOF

echo "| case | exit | peak RSS (MB) | wall | stderr |"
echo "|---|---|---|---|---|"
row "baseline: python -c 'import pandas'" $PY -c 'import pandas'
row "assess --file, 1 GB sparse claims file" $PY -m gulagstats assess --file claims_1GB.csv
row "check --overlay, 1 GB sparse overlay" $PY -m gulagstats check --overlay overlay_1GB.csv
row "check --overlay /dev/zero" $PY -m gulagstats check --overlay /dev/zero
row "check --overlay FIFO (no writer)" $PY -m gulagstats check --overlay fifo.csv
row "assess --file /dev/zero" $PY -m gulagstats assess --file /dev/zero
row "assess --file, largest accepted file ($(wc -l < claims_max.csv) lines, $(( $(stat -c %s claims_max.csv) / 1048576 )) MB)" \
    $PY -m gulagstats assess --file claims_max.csv
row "assess --file, largest accepted file, every claim valid ($(wc -l < claims_valid.csv) lines, $(( $(stat -c %s claims_valid.csv) / 1048576 )) MB)" \
    $PY -m gulagstats assess --file claims_valid.csv
