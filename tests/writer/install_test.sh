#!/usr/bin/env bash
# The README's install commands, exactly as written there, with stdin closed (no terminal, no
# one to answer a prompt) and a throwaway home, then what LibreOffice says is installed:
#  - the per-user command ("unopkg add ..." without --shared), twice (install, then again as an
#    update would), as an unprivileged user: unopkg refuses a per-user install as root, so as
#    root it runs as "nobody" (setpriv), with HOME in the throwaway folder;
#  - the all-users command ("sudo unopkg add --shared ..."), with its shared folder and profile
#    redirected into the throwaway folder (-env:...), so the system is never touched.
# And description.xml carries its name and description in en, de, es, fr.
# usage: install_test.sh README.md build/attrib.oxt WORK_ROOT
set -euo pipefail
readme=$1
oxt=$2
root=${3:-${TMPDIR:-/tmp}}
mkdir -p "$root"
work=$(mktemp -d "$root/install-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() {
  echo "install_test: FAIL: $*" >&2
  exit 1
}

# The commands: the shell lines of the README that start with "unopkg add" / "sudo unopkg add".
user_cmd=$(grep -E '^unopkg add ' "$readme" | grep -v -- '--shared' | head -1 || true)
shared_cmd=$(grep -E '^sudo unopkg add .*--shared' "$readme" | head -1 || true)
[ -n "$user_cmd" ] || fail "no per-user 'unopkg add' line in $readme"
[ -n "$shared_cmd" ] || fail "no 'sudo unopkg add --shared' line in $readme"
echo "install_test: per-user command: $user_cmd"
echo "install_test: all-users command: $shared_cmd"

# The README's commands run from the repository root: give them a build/attrib.oxt there.
mkdir -p "$work/home/build"
cp "$oxt" "$work/home/build/attrib.oxt"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R 65534:65534 "$work/home"
  chmod 755 "$work"
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
run_user() {  # a clean environment: HOME decides where the user profile goes
  (cd "$work/home" && env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 \
    "${as_user[@]}" timeout 120 bash -c "$1" </dev/null)
}

for round in install again; do
  if ! run_user "$user_cmd" >"$work/user-$round.log" 2>&1; then
    cat "$work/user-$round.log" >&2
    fail "the per-user command failed ($round)"
  fi
  if grep -qi 'license agreement' "$work/user-$round.log"; then
    fail "the per-user command showed the licence ($round)"
  fi
done
run_user "unopkg list" >"$work/list.log" 2>&1 || { cat "$work/list.log" >&2; fail "unopkg list"; }
grep -q 'Identifier: org.attrib.writer' "$work/list.log" || { cat "$work/list.log" >&2; fail "not listed for the user"; }
grep -q 'is registered: yes' "$work/list.log" || fail "not registered"
[ -d "$work/home/.config/libreoffice/4/user/uno_packages" ] || fail "not in the user's profile"

# All users: the README's command, without sudo when we are root, redirected into $work.
cmd=${shared_cmd#sudo }
if [ "$(id -u)" -ne 0 ]; then
  echo "install_test: not root: the all-users command is not run"
else
  shared="-env:UNO_SHARED_PACKAGES_CACHE=file://$work/shared -env:UserInstallation=file://$work/admin"
  if ! (cd "$work/home" && timeout 120 bash -c "$cmd $shared" </dev/null) >"$work/shared.log" 2>&1; then
    cat "$work/shared.log" >&2
    fail "the all-users command failed"
  fi
  grep -qi 'license agreement' "$work/shared.log" && fail "the all-users command showed the licence"
  (timeout 60 unopkg list --shared $shared </dev/null) >"$work/shared-list.log" 2>&1 || true
  grep -q 'Identifier: org.attrib.writer' "$work/shared-list.log" ||
    { cat "$work/shared-list.log" >&2; fail "not listed as a shared extension"; }
fi

# description.xml: name and description per language, each description file in the .oxt.
(cd "$work" && /usr/bin/python3 - "$oxt" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
ns = {"d": "http://openoffice.org/extensions/description/2006"}
href = "{http://www.w3.org/1999/xlink}href"
z = zipfile.ZipFile(sys.argv[1])
root = ET.fromstring(z.read("description.xml"))
want = {"en", "de", "es", "fr"}
names = {n.get("lang"): n.text for n in root.findall("d:display-name/d:name", ns)}
srcs = {s.get("lang"): s.get(href) for s in root.findall("d:extension-description/d:src", ns)}
pub = root.find("d:publisher/d:name", ns)
errors = []
if set(names) != want: errors.append("display-name languages %s" % sorted(names))
if set(srcs) != want: errors.append("extension-description languages %s" % sorted(srcs))
for lang, path in srcs.items():
    if path not in z.namelist() or not z.read(path).strip():
        errors.append("description %s missing or empty" % path)
if pub is None or pub.get(href) not in z.namelist():
    errors.append("publisher link %s is not a file of the extension" % (pub.get(href) if pub is not None else None))
version = root.find("d:version", ns)
if version is None or not version.get("value") or "@" in version.get("value"):
    errors.append("no version")
if errors:
    sys.exit("install_test: FAIL: description.xml: " + "; ".join(errors))
print("install_test: description.xml: %s" % ", ".join("%s=%s" % kv for kv in sorted(names.items())))
PY
)
echo "install_test: ok"
