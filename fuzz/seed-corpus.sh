#!/usr/bin/env bash
# Builds the (git-ignored) seed corpus fuzz/corpus/<target>/ from the shared dev data in
# ../../shared/data (never committed) plus a few hand-written edge cases.
# Usage: fuzz/seed-corpus.sh   (from anywhere)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${COPYDESK_DATA:-$here/../../shared/data}"
seed="$here/corpus/_seed"
mkdir -p "$seed"
python3 - "$data" "$seed" <<'PY'
import json, os, sys, hashlib
data, out = sys.argv[1], sys.argv[2]
def put(text):
    b = text.encode("utf-8")[:4096]
    b = b.decode("utf-8", "ignore").encode("utf-8")
    with open(os.path.join(out, hashlib.sha1(b).hexdigest()[:16]), "wb") as f:
        f.write(b)
for line in open(os.path.join(data, "sentences", "golden_rules_en.jsonl"), encoding="utf-8"):
    put(json.loads(line)["text"])
seeds = os.path.join(data, "seeds")
for name in sorted(os.listdir(seeds)):
    put(open(os.path.join(seeds, name), encoding="utf-8").read())
for i, line in enumerate(open(os.path.join(data, "corpus", "news-1mb.jsonl"), encoding="utf-8")):
    if i >= 40:
        break
    d = json.loads(line)
    put(d.get("title", "") + "\n\n" + d["text"][:1500])
for t in ["", "Mr. Mr. Mr. U.S. e.g. Dr.", "\"\"\"'''«»“”‘’", "((((((((", "\u0000\u0001\u0007\u001b\u007f",
          "e\u0301\u0301\u0301\u0301", "مرحبا بالعالم. שלום עולם.", "東京は日本の首都です。北京。",
          "🇺🇸👨‍👩‍👧 #tag @user http://x.y/z a@b.co", "Ms. Jane Doe\u001eof Acme Corp.\u001eNew York",
          "Acme Corp\u001eShares of Acme Corp rose 3.5% to $12.50 on Monday.",
          "He said: \"It's over.\" She didn't agree — \"not yet\", she wrote.\r\n\r\nNext."]:
    put(t)
PY
for t in tokenize sentences entities tone pipeline; do
  mkdir -p "$here/corpus/$t"
  cp -n "$seed"/* "$here/corpus/$t/" 2>/dev/null || true
done
echo "seeded $(ls "$seed" | wc -l) inputs into $here/corpus/<target>/"
