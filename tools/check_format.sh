#!/usr/bin/env bash
# tools/check_format.sh — fails when a C++ file of the repository is not formatted as .clang-format
# says. Checks every tracked and every untracked-but-not-ignored *.h and *.cc, except generated code
# (*.pb.h, *.pb.cc and anything under a gen/ directory); lists the offenders with the first lines of
# what clang-format would change.
#
#   tools/check_format.sh          check
#   tools/check_format.sh --fix    reformat the offenders in place
#
# Environment: CLANG_FORMAT  the clang-format binary (default: clang-format).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly CLANG_FORMAT=${CLANG_FORMAT:-clang-format}

die() { echo "check_format: $*" >&2; exit 1; }

list_sources() {
  git ls-files -co --exclude-standard -z -- '*.h' '*.cc' |
    grep -zv -e '\.pb\.h$' -e '\.pb\.cc$' -e '^gen/' -e '/gen/' |
    while IFS= read -r -d '' f; do [[ -f $f ]] && printf '%s\0' "$f"; done
}

main() {
  local fix=0
  case ${1:-} in
    "") ;;
    --fix) fix=1 ;;
    *) die "usage: $0 [--fix]" ;;
  esac
  command -v "$CLANG_FORMAT" >/dev/null || die "$CLANG_FORMAT not found (tools/dev deps installs it)"
  git rev-parse --is-inside-work-tree >/dev/null 2>&1 || die "not a git work tree"

  local -a files offenders=()
  mapfile -d '' files < <(list_sources)
  local f
  for f in "${files[@]}"; do
    "$CLANG_FORMAT" --dry-run -Werror "$f" >/dev/null 2>&1 || offenders+=("$f")
  done

  if ((${#offenders[@]} == 0)); then
    echo "check_format: all ${#files[@]} file(s) formatted ($("$CLANG_FORMAT" --version | sed 's/.*version \([0-9.]*\).*/clang-format \1/'))"
    return 0
  fi
  if ((fix)); then
    "$CLANG_FORMAT" -i -- "${offenders[@]}"
    printf 'check_format: reformatted %s\n' "${offenders[@]}"
    return 0
  fi
  echo "check_format: ${#offenders[@]} of ${#files[@]} files are not formatted:" >&2
  for f in "${offenders[@]}"; do
    echo "  $f" >&2
    "$CLANG_FORMAT" --dry-run "$f" 2>&1 | head -n 6 | sed 's/^/      /' >&2
  done
  echo "check_format: fix with: tools/check_format.sh --fix" >&2
  return 1
}

main "$@"
