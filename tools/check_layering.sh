#!/usr/bin/env bash
# tools/check_layering.sh — keeps the database out of every layer but the stores (DESIGN.md §5).
# Fails, listing the offending lines, when
#   1. a C++ file under services/, libs/ or tools/ includes pqxx, unless it is a store
#      (pg_*store.h/.cc), a row mapper (*_rows.h/.cc) or part of libs/pg/;
#   2. a C++ file anywhere but libs/pg/, the stores (pg_*store.h/.cc), sql/ and tests/ calls
#      exec_prepared( or exec_params( (or their 0, 1 and _n variants).
# tests/ are exempt. Checks tracked and untracked-but-not-ignored files.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() { echo "check_layering: $*" >&2; exit 1; }

readonly CXX_GLOBS=('*.h' '*.hh' '*.hpp' '*.cc' '*.cpp' '*.cxx' '*.inc' '*.ipp')

is_store() {
  case ${1##*/} in pg_*store.h | pg_*store.cc) return 0 ;; esac
  return 1
}

is_row_mapper() {
  case ${1##*/} in *_rows.h | *_rows.cc) return 0 ;; esac
  return 1
}

# Rule 1: who may include pqxx.
may_include_pqxx() {
  local f=$1
  case $f in libs/pg/*) return 0 ;; esac
  is_store "$f" || is_row_mapper "$f"
}

# Rule 2: who may run SQL.
may_execute_sql() {
  local f=$1
  case $f in libs/pg/* | sql/* | tests/*) return 0 ;; esac
  is_store "$f"
}

main() {
  git rev-parse --is-inside-work-tree >/dev/null 2>&1 || die "not a git work tree"
  local -a files
  mapfile -d '' files < <(git ls-files -co --exclude-standard -z -- "${CXX_GLOBS[@]}")

  local f hits bad=0 checked=0
  for f in "${files[@]}"; do
    [[ -f $f ]] || continue
    checked=$((checked + 1))
    case $f in
      services/* | libs/* | tools/*)
        if ! may_include_pqxx "$f"; then
          if hits=$(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]pqxx' -- "$f"); then
            echo "check_layering: $f includes pqxx; only stores (pg_*store.h/.cc), row mappers (*_rows.h/.cc) and libs/pg/ may:" >&2
            sed "s|^|  $f:|" <<<"$hits" >&2
            bad=$((bad + 1))
          fi
        fi
        ;;
    esac
    if ! may_execute_sql "$f"; then
      if hits=$(grep -nE '\bexec_(prepared|params)(0|1|_n)?[[:space:]]*\(' -- "$f"); then
        echo "check_layering: $f runs SQL; only libs/pg/ and stores (pg_*store.h/.cc) may:" >&2
        sed "s|^|  $f:|" <<<"$hits" >&2
        bad=$((bad + 1))
      fi
    fi
  done

  if ((bad)); then
    echo "check_layering: $bad violation(s) of the store layering (DESIGN.md §5)" >&2
    return 1
  fi
  echo "check_layering: $checked C++ file(s) checked, all keep pqxx and SQL in libs/pg/ and the stores"
}

main "$@"
