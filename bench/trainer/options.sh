# Option parsing shared by the bench/trainer scripts: each "--name value" pair sets the variable name, for the names
# the script allows (set their defaults before calling). Anything else stops the script naming the option.
# Usage: parse_options "$(basename "$0")" "name1 name2 ..." "$@"
parse_options() {
  local script="$1" names="$2"; shift 2
  local allowed=" $names " use; use="$(printf -- '--%s, ' $names)"; use="${use%, }"
  while [[ $# -gt 0 ]]; do
    local key="${1#--}"
    if [[ "$1" != --* || "$allowed" != *" $key "* ]]; then
      echo "$script: unknown option '$1' (use $use)" >&2; exit 2
    fi
    if [[ $# -lt 2 ]]; then echo "$script: $1 needs a value" >&2; exit 2; fi
    printf -v "$key" '%s' "$2"
    shift 2
  done
}
