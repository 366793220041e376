#!/bin/sh
# Builds a commit (HEAD by default) in bench/target/snapshot, apart from the working tree, so the
# benchmark runs one consistent set of servers even while the working tree's servers are rebuilt
# (Liberty redeploys an application as soon as its war in target/liberty changes).
# Prints the directory to pass as -Dbench.stack.root.
set -e
cd "$(dirname "$0")/.."
commit="${1:-HEAD}"
dir="$PWD/bench/target/snapshot"
rm -rf "$dir"
mkdir -p "$dir"
git archive "$commit" | tar -x -C "$dir"
(cd "$dir" && ./mvnw -q package -DskipTests)
git rev-parse "$commit" > "$dir/COMMIT"
echo "$dir"
