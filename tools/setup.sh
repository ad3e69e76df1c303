# Lectern set-up, sourced by tools/serve and tools/test. Idempotent: a second run does nothing
# that the first run already did.
#
#   source tools/setup.sh
#   lectern_setup_apt        # Debian packages from tools/versions.env (apt-get when missing)
#   lectern_setup_npm        # node_modules from package-lock.json (npm ci when the lock changed)
#   lectern_setup_web_deps   # SDL2 + Dear ImGui built for Emscripten, cached outside the clone
#
# Caches live in $LECTERN_CACHE (default ~/.cache/lectern), keyed by version, so a fresh clone
# reuses them and nothing is rebuilt.

set -euo pipefail

LECTERN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LECTERN_CACHE=${LECTERN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lectern}
# shellcheck source=versions.env
source "$LECTERN_ROOT/tools/versions.env"

# Debian's emscripten runs acorn & co. from Debian's node modules at -O1 and above.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

lectern_log() { printf '\033[1m[lectern]\033[0m %s\n' "$*" >&2; }
lectern_die() { printf '\033[1;31m[lectern] error:\033[0m %s\n' "$*" >&2; exit 1; }

lectern_sudo() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

lectern_setup_apt() {
  local missing=() pkg
  for pkg in $APT_PACKAGES; do
    # The machine image may carry Node.js from elsewhere; any node >= 18 with npm will do.
    case $pkg in
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  lectern_log "installing Debian packages: ${missing[*]}"
  lectern_sudo apt-get update -q
  lectern_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

lectern_setup_npm() {
  local stamp="$LECTERN_ROOT/node_modules/.lectern-lock"
  local want
  want=$(sha256sum "$LECTERN_ROOT/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  lectern_log "installing npm packages (package-lock.json)"
  (cd "$LECTERN_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

# A private apt configuration that adds deb-src lines for the suites we need, built from the
# URIs of the machine's own Debian sources. The system's sources are never edited.
lectern_private_apt() {
  local dir="$LECTERN_CACHE/apt" uri src
  mkdir -p "$dir/lists/partial"
  src=/etc/apt/sources.list.d/debian.sources
  if [ -f "$src" ]; then
    uri=$(awk '/^URIs:/{print $2; exit}' "$src")
  else
    uri=$(awk '$1=="deb" && $0 !~ /security/ {for(i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list 2>/dev/null)
  fi
  [ -n "$uri" ] || lectern_die "cannot find a Debian mirror in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list"
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  local list
  list=$(echo "deb-src [signed-by=$keyring] $uri $SDL2_DEB_SUITE main"
         [ "$IMGUI_DEB_SUITE" = "$SDL2_DEB_SUITE" ] || echo "deb-src [signed-by=$keyring] $uri $IMGUI_DEB_SUITE main")
  [ -f "$dir/sources.list" ] && [ "$(cat "$dir/sources.list")" = "$list" ] || echo "$list" >"$dir/sources.list"
  APT_PRIVATE=(-o "Dir::Etc::SourceList=$dir/sources.list" -o "Dir::Etc::SourceParts=-"
               -o "Dir::State::Lists=$dir/lists" -o "APT::Sandbox::User=root")
  if [ ! -f "$dir/lists/.updated" ] || [ "$dir/sources.list" -nt "$dir/lists/.updated" ]; then
    lectern_log "reading Debian source indexes ($IMGUI_DEB_SUITE, $SDL2_DEB_SUITE)"
    apt-get "${APT_PRIVATE[@]}" update -q >/dev/null || lectern_die "apt-get update of the private deb-src list failed"
    touch "$dir/lists/.updated"
  fi
}

# lectern_source_package NAME VERSION -> prints the directory of the unpacked upstream source.
lectern_source_package() {
  local name=$1 version=$2 dir="$LECTERN_CACHE/src/${1}_${2}"
  if [ ! -f "$dir/.complete" ]; then
    lectern_private_apt
    rm -rf "$dir" && mkdir -p "$dir/dl"
    lectern_log "fetching Debian source package $name=$version"
    if ! (cd "$dir/dl" && apt-get "${APT_PRIVATE[@]}" source --download-only "$name=$version" >/dev/null 2>&1); then
      local have
      have=$(apt-cache "${APT_PRIVATE[@]}" showsrc "$name" 2>/dev/null | awk '/^Version:/{print $2}' | sort -u | tr '\n' ' ')
      rm -rf "$dir"
      lectern_die "Debian source package $name=$version (pinned in tools/versions.env) is not in the archive; available: ${have:-none}. Update the pin."
    fi
    local orig
    orig=$(ls "$dir"/dl/*.orig.tar.* | head -n1)
    mkdir -p "$dir/tree" && tar -xf "$orig" -C "$dir/tree" --strip-components=1
    touch "$dir/.complete"
  fi
  echo "$dir/tree"
}

# SDL2 and Dear ImGui compiled for Emscripten into static libraries, once per version.
lectern_setup_web_deps() {
  local imgui sdl key
  imgui=$(lectern_source_package imgui "$IMGUI_DEB_VERSION")
  sdl=$(lectern_source_package libsdl2 "$SDL2_DEB_VERSION")
  key=$( { echo "$IMGUI_DEB_VERSION $SDL2_DEB_VERSION"; emcc --version 2>/dev/null | head -n1;
           cat "$LECTERN_ROOT/tools/web_deps/CMakeLists.txt"; } | sha256sum | cut -c1-16)
  LECTERN_WEB_DEPS="$LECTERN_CACHE/web-deps-$key"
  export LECTERN_WEB_DEPS
  [ -f "$LECTERN_WEB_DEPS/.complete" ] && return 0
  lectern_log "building SDL2 $SDL2_DEB_VERSION and Dear ImGui $IMGUI_DEB_VERSION for Emscripten (once)"
  local build="$LECTERN_CACHE/build-web-deps-$key"
  rm -rf "$build" "$LECTERN_WEB_DEPS"
  emcmake cmake -S "$LECTERN_ROOT/tools/web_deps" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSDL2_SOURCE="$sdl" -DIMGUI_SOURCE="$imgui" -DCMAKE_INSTALL_PREFIX="$LECTERN_WEB_DEPS" >/dev/null
  cmake --build "$build"
  cmake --install "$build" >/dev/null
  rm -rf "$build"
  touch "$LECTERN_WEB_DEPS/.complete"
}

# [SECTION] Builds ---------------------------------------------------------------------------------

lectern_build_native() {
  lectern_log "building native (core, lectern CLI, unit tests)"
  cmake --preset native >/dev/null
  cmake --build --preset native -- -j"$(nproc)"
}

lectern_build_web() {
  lectern_log "building web app (Emscripten) into build/web/dist"
  cmake --preset web -DLECTERN_WEB_DEPS="$LECTERN_WEB_DEPS" >/dev/null
  cmake --build --preset web -- -j"$(nproc)" "$@"
}
