#!/usr/bin/env bash
# The whole stack in containers, with podman, on a machine without an image registry:
#   scripts/stack.sh up [--silos N]   build the images and start (or rescale) the stack; the API on localhost:5000
#   scripts/stack.sh down             remove every container, the network and the database volume
#   scripts/stack.sh ps               the containers and their health
# Base images are made here from Debian packages (debootstrap) and this machine's .NET SDK; Kafka is the embedded
# broker in a container of its own (for trials, not production). Secrets come from POSTGRES_PASSWORD,
# SHOPIFY_WEBHOOK_SECRET and API_KEY; unset ones are generated once, kept in a file only you can read, never printed.
# STACK_NAME (default retail) names the containers, network and volume, so that stacks can live side by side;
# STACK_API_PORT (default 5000) is the API's published port.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly prefix=${STACK_NAME:-retail}
[[ $prefix =~ ^[a-z][a-z0-9-]*$ ]] || { echo "stack: STACK_NAME takes lower-case letters, digits and dashes" >&2; exit 2; }
readonly network=$prefix
readonly volume=$prefix-postgres-data
readonly label=io.retail.stack=$prefix
readonly port=${STACK_API_PORT:-5000}
readonly state=${XDG_STATE_HOME:-$HOME/.local/state}/retail-stack/$prefix
readonly secrets=$state/secrets.env
readonly debian_image=localhost/retail/debian:bookworm

say() { echo "stack: $*" >&2; }
die() { say "$*"; exit 1; }

usage() {
  sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_podman() {
  local missing=()
  command -v podman >/dev/null || missing+=(podman)
  command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || missing+=(debootstrap)
  if ((${#missing[@]} > 0)); then
    say "installing ${missing[*]} ..."
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # runc cannot set the default open-files limit on machines of this kind; podman then sets none.
  if ! grep -qs '^default_ulimits' /etc/containers/containers.conf; then
    say "writing /etc/containers/containers.conf (default_ulimits = [])"
    printf '[containers]\ndefault_ulimits = []\n' | as_root tee -a /etc/containers/containers.conf >/dev/null
  fi
}

image_exists() { podman image exists "$1"; }

debian_mirror() {
  local uri
  uri=$(grep -hoE '^URIs: *[^ ]+' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | awk '{print $2}')
  [ -n "$uri" ] || uri=$(grep -hoE '^deb +[^ ]+' /etc/apt/sources.list 2>/dev/null | head -1 | awk '{print $2}')
  echo "${uri:-http://deb.debian.org/debian}"
}

# Built once per machine and kept: a minimal Debian, and .NET images from this machine's own SDK.
ensure_base_images() {
  if ! image_exists "$debian_image"; then
    local root
    root=$(mktemp -d)
    say "making $debian_image with debootstrap (about a minute) ..."
    as_root debootstrap --variant=minbase bookworm "$root" "$(debian_mirror)" >/dev/null
    as_root tar -C "$root" -c . | podman import -q - "$debian_image" >/dev/null
    as_root rm -rf "$root"
  fi

  local dotnet_root sdk_version
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  sdk_version=$(dotnet --version)
  sdk_image=localhost/retail/dotnet-sdk:$sdk_version
  runtime_image=localhost/retail/dotnet-runtime:$sdk_version
  if ! image_exists "$sdk_image" || ! image_exists "$runtime_image"; then
    say "making .NET images from $dotnet_root (SDK $sdk_version) ..."
    podman build -q --format docker --build-arg BASE_IMAGE="$debian_image" -f deploy/podman/dotnet.Containerfile \
      --target sdk -t "$sdk_image" "$dotnet_root" >/dev/null
    podman build -q --format docker --build-arg BASE_IMAGE="$debian_image" -f deploy/podman/dotnet.Containerfile \
      --target runtime -t "$runtime_image" "$dotnet_root" >/dev/null
  fi

  if ! image_exists localhost/retail/postgres:15; then
    say "making localhost/retail/postgres:15 from Debian's packages ..."
    podman build -q --format docker --build-arg BASE_IMAGE="$debian_image" -f deploy/podman/postgres.Containerfile \
      -t localhost/retail/postgres:15 deploy/podman >/dev/null
  fi
}

# The product's images, from this checkout. Restores come from this machine's NuGet cache, mounted into the build.
build_images() {
  local nuget=${NUGET_PACKAGES:-$HOME/.nuget/packages}
  mkdir -p "$nuget"
  local mounts=(-v "$nuget:/root/.nuget/packages:z")
  # This machine's trusted roots, for NuGet through a proxy that re-signs TLS.
  [ -f /etc/ssl/certs/ca-certificates.crt ] && mounts+=(-v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro)
  for target in broker silo api; do
    say "building localhost/retail/$target ..."
    podman build -q --format docker -f deploy/docker/Dockerfile --target "$target" \
      --build-arg SDK_IMAGE="$sdk_image" --build-arg RUNTIME_IMAGE="$runtime_image" \
      "${mounts[@]}" -t "localhost/retail/$target:dev" . 2>&1 >/dev/null | grep -v 'since it is a socket' >&2 || true
    image_exists "localhost/retail/$target:dev" || die "building $target failed"
  done
}

load_secrets() {
  mkdir -p "$state"
  chmod 700 "$state"
  if [ -f "$secrets" ]; then
    # shellcheck disable=SC1090
    source "$secrets"
  fi
  local changed=0 name
  for name in POSTGRES_PASSWORD SHOPIFY_WEBHOOK_SECRET API_KEY; do
    local from_env=${!name:-} saved_name=SAVED_$name
    local saved=${!saved_name:-}
    if [ -n "$from_env" ]; then
      printf -v "$name" '%s' "$from_env"
    elif [ -n "$saved" ]; then
      printf -v "$name" '%s' "$saved"
    else
      printf -v "$name" '%s' "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
      say "generated $name (kept in $secrets)"
    fi
    [ "${!name}" = "$saved" ] || changed=1
  done
  if [ $changed -eq 1 ]; then
    umask 077
    printf 'SAVED_POSTGRES_PASSWORD=%q\nSAVED_SHOPIFY_WEBHOOK_SECRET=%q\nSAVED_API_KEY=%q\n' \
      "$POSTGRES_PASSWORD" "$SHOPIFY_WEBHOOK_SECRET" "$API_KEY" > "$secrets"
  fi
}

running() { [ "$(podman container inspect -f '{{.State.Running}}' "$1" 2>/dev/null)" = "true" ]; }

# Secrets reach containers through an env file, never a command line that ps would show.
env_file() {
  local file=$state/$1.env
  umask 077
  shift
  printf '%s\n' "$@" > "$file"
  echo "$file"
}

start_container() {
  local name=$1 alias=$2 image=$3
  shift 3
  if running "$name"; then
    return
  fi
  podman rm -f "$name" >/dev/null 2>&1 || true
  # Without systemd, podman cannot schedule health checks; wait_healthy runs them instead.
  quiet_podman run -d --name "$name" --hostname "$name" --label "$label" --network "$network" --network-alias "$alias" \
    --restart on-failure "$@" "$image"
  running "$name" || die "$name did not start"
}

wait_healthy() {
  local deadline=$((SECONDS + ${STACK_TIMEOUT:-300})) name status
  for name in "$@"; do
    while :; do
      # No systemd here to schedule health checks: run them until they pass.
      podman healthcheck run "$name" >/dev/null 2>&1 || true
      status=$(podman inspect -f '{{.State.Health.Status}}' "$name" 2>/dev/null || echo missing)
      [ "$status" = healthy ] && break
      if ((SECONDS > deadline)); then
        say "$name is not healthy ($status); its last log lines:"
        podman logs --tail 30 "$name" >&2 || true
        exit 1
      fi
      sleep 2
    done
    say "$name healthy"
  done
}

up() {
  local silos=$1
  ensure_podman
  ensure_base_images
  build_images
  load_secrets
  podman network exists "$network" || podman network create "$network" >/dev/null
  podman volume exists "$volume" || podman volume create "$volume" >/dev/null

  local connection="Host=postgres;Username=retail;Password=$POSTGRES_PASSWORD;Database=retail"
  # SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for every client to leave.
  start_container "$prefix-postgres" postgres localhost/retail/postgres:15 --stop-signal SIGINT \
    --env-file "$(env_file postgres POSTGRES_USER=retail POSTGRES_DB=retail "POSTGRES_PASSWORD=$POSTGRES_PASSWORD")" \
    -v "$volume:/var/lib/postgresql/data"
  start_container "$prefix-kafka" kafka localhost/retail/broker:dev
  wait_healthy "$prefix-postgres" "$prefix-kafka"

  local common=(Kafka__BootstrapServers=kafka:9092 "ConnectionStrings__Postgres=$connection"
    Orleans__ClusterId=retail Orleans__ServiceId=retail "Shopify__WebhookSecret=$SHOPIFY_WEBHOOK_SECRET"
    "Api__Key=$API_KEY")
  local silo_env api_env i names=()
  silo_env=$(env_file silo "${common[@]}" Demo__Enabled=false)
  api_env=$(env_file api "${common[@]}")
  for ((i = 1; i <= silos; i++)); do
    start_container "$prefix-silo-$i" silo localhost/retail/silo:dev --env-file "$silo_env"
    names+=("$prefix-silo-$i")
  done
  # Scaling in: silos above N leave gracefully (SIGTERM, then their partitions move to the others).
  for name in $(podman ps -a --filter "label=$label" --format '{{.Names}}' | grep -E "^$prefix-silo-[0-9]+$" || true); do
    if ((${name##*-} > silos)); then
      say "stopping $name"
      quiet_podman rm -f -t 30 "$name"
    fi
  done
  start_container "$prefix-api" api localhost/retail/api:dev --env-file "$api_env" -p "$port:8080"
  wait_healthy "${names[@]}" "$prefix-api"
  say "up: $silos silo(s); the API, page and docs at http://localhost:$port (API key in $secrets)"
}

# Podman without systemd reports that it cannot manage health-check timers; that is expected here.
quiet_podman() { podman "$@" 2>&1 >/dev/null | grep -v -e 'systemd connection' -e 'connect to syslog' >&2 || true; }

down() {
  command -v podman >/dev/null || return 0
  local all silos
  all=$(podman ps -a --filter "label=$label" --format '{{.Names}}')
  silos=$(grep -E "^$prefix-silo-" <<<"$all" || true)
  # The API first, then the silos (so they hand their partitions over while Kafka and PostgreSQL still run).
  # shellcheck disable=SC2086
  for group in "$prefix-api" "$silos" "$prefix-kafka $prefix-postgres"; do
    group=$(grep -xF -f <(tr ' ' '\n' <<<"$group") <<<"$all" || true)
    if [ -n "$group" ]; then
      quiet_podman stop -t 30 $group
      quiet_podman rm -f $group
    fi
  done
  if podman network exists "$network"; then podman network rm -f "$network" >/dev/null; fi
  if podman volume exists "$volume"; then podman volume rm -f "$volume" >/dev/null; fi
  rm -f "$state"/postgres.env "$state"/silo.env "$state"/api.env
  say "down"
}

command=${1:-}
shift || true
case "$command" in
  up)
    silos=3
    while (($# > 0)); do
      case "$1" in
        --silos) [[ ${2:-} =~ ^[1-9][0-9]?$ ]] || die "--silos takes a number from 1 to 99"; silos=$2; shift 2 ;;
        *) usage 2 ;;
      esac
    done
    up "$silos"
    ;;
  down) down ;;
  ps) podman ps -a --filter "label=$label" --format 'table {{.Names}}\t{{.Status}}\t{{.Ports}}' ;;
  -h | --help | help) usage 0 ;;
  *) usage 2 ;;
esac
