#!/usr/bin/env bash
# The README's pictures: Writer showing the seed article marked by the extension — coloured quote
# highlights, the "Attribution" comments in the margin, footnotes, the Attribution toolbar — and
# then the Attribution menu opened with its mnemonic (Alt+U), taken under Xvfb from a real
# (non-headless) soffice with the built attrib.oxt in a throwaway profile. The toolbar's place
# and name come from the extension itself (extension/WriterWindowState.xcu).
# usage: scripts/screenshot.sh [BUILD_DIR (build)] [OUT.png (docs/writer-seed.png)]
#                              [MENU_OUT.png (docs/writer-menu.png)]
# ATTRIB_SHOT_TOOLBARS=FILE.png also takes View > Toolbars (to check the toolbar's name there);
# ATTRIB_SHOT_UI_LANG=de|es|fr shows Writer in that language (its language pack installed).
# ATTRIB_SHOT_INPUT=FILE.txt shows another article (e.g. examples/beispiel-artikel.txt) and
# ATTRIB_SHOT_DOC_LANG=de-DE imports it in that language (default en-US).
# ATTRIB_SHOT_OPTIONS=FILE.png also opens Tools > Options on the Attribution page.
# ATTRIB_SHOT_SOURCES=FILE.png also runs Sources Report and takes the document it opens.
# ATTRIB_SHOT_DECK=FILE.png also opens the Attribution sidebar deck (through the frame's
# XSidebarProvider, as the deck's tab does) and takes Writer with the deck shown.
# Needs: the build (cli/attrib, attrib.oxt), Xvfb, xdotool, ImageMagick (scripts/setup-debian.sh).
# Xvfb and soffice run in their own process groups and are killed on any exit.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-docs/writer-seed.png}
menu_out=${3:-docs/writer-menu.png}
ui_lang=${ATTRIB_SHOT_UI_LANG:-en-US}
# The Attribution menu's and View menu's mnemonics in each UI language (extension/Addons.xcu;
# Writer's "~View", "~Ansicht", "~Ver", "~Affichage").
case "$ui_lang" in
  de) menu_key=z view_key=a ;;
  es) menu_key=b view_key=v ;;
  fr) menu_key=u view_key=a ;;
  *) menu_key=u view_key=v ;;
esac
program=${ATTRIB_LO_PROGRAM_DIR:-/usr/lib/libreoffice/program}
input=${ATTRIB_SHOT_INPUT:-examples/seed-article.txt}
doc_lang=${ATTRIB_SHOT_DOC_LANG:-en-US}
name=$(basename "$input" .txt)
width=1600
height=1200

for tool in Xvfb xdotool /usr/bin/import /usr/bin/convert "$program/soffice" "$program/unopkg" \
            "$build/cli/attrib"; do
  command -v "$tool" >/dev/null || { echo "screenshot: missing $tool" >&2; exit 1; }
done
[ -f "$build/attrib.oxt" ] || { echo "screenshot: missing $build/attrib.oxt (build it)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/attrib-screenshot-XXXXXX")
xvfb_pid=""
office_pid=""
cleanup() {
  # Both were started with setsid: each is the leader of its own process group.
  [ -n "$office_pid" ] && kill -KILL -- "-$office_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill -TERM -- "-$xvfb_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && wait "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# The profile: the extension installed as in uno/client/office.h, first-start noise turned off.
# (Nothing about the toolbar: where it docks and what it is called is the extension's own.)
profile="file://$work/profile"
cache="file://$work/shared_cache"
"$program/unopkg" add -s --shared "-env:UserInstallation=$profile" \
  "-env:UNO_SHARED_PACKAGES_CACHE=$cache" "$build/attrib.oxt" >"$work/unopkg.log" 2>&1
mkdir -p "$work/profile/user"
# The extension's toolbar docked at the end of the formatting bar (it would float over it).
cat >"$work/profile/user/registrymodifications.xcu" <<XCU
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>7.4</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>$ui_lang</value></prop></item>
</oor:items>
XCU

# The article as an .odt in a newspaper-like font (the plain-text import would use a monospace
# font), then marked by the extension as the README's main job does.
echo "screenshot: converting and annotating $input" >&2
setsid "$program/soffice" --headless --norestore --nolockcheck "-env:UserInstallation=$profile" \
  "-env:UNO_SHARED_PACKAGES_CACHE=$cache" --convert-to odt:writer8 \
  "--infilter=Text (encoded):UTF8,LF,Liberation Serif,$doc_lang" --outdir "$work/plain" "$input" \
  >"$work/convert.log" 2>&1 &
office_pid=$!
for _ in $(seq 600); do
  kill -0 "$office_pid" 2>/dev/null || break
  sleep 0.2
done
if kill -0 "$office_pid" 2>/dev/null || ! wait "$office_pid" || [ ! -s "$work/plain/$name.odt" ]; then
  echo "screenshot: converting $input failed or timed out:" >&2
  cat "$work/convert.log" >&2
  exit 1
fi
kill -KILL -- "-$office_pid" 2>/dev/null || true
office_pid=""
"$build/cli/attrib" annotate "$work/plain/$name.odt" -o "$work/$name.odt" \
  --commands highlight,footnotes --quiet

# A free display number.
display=90
while [ -e "/tmp/.X$display-lock" ] || [ -e "/tmp/.X11-unix/X$display" ]; do
  display=$((display + 1))
done
setsid Xvfb ":$display" -screen 0 "${width}x${height}x24" -nolisten tcp \
  >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 100); do
  xdotool getdisplaygeometry >/dev/null 2>&1 && break
  sleep 0.1
done
xdotool getdisplaygeometry >/dev/null || { echo "screenshot: Xvfb did not start" >&2; exit 1; }

echo "screenshot: starting soffice on $DISPLAY" >&2
# A pipe for the deck step's UNO client (ATTRIB_SHOT_DECK), private to this run.
pipe="attrib_shot_$$"
SAL_USE_VCLPLUGIN=gen setsid "$program/soffice" --norestore --nologo --nolockcheck \
  --nofirststartwizard "-env:UserInstallation=$profile" "-env:UNO_SHARED_PACKAGES_CACHE=$cache" \
  "--accept=pipe,name=$pipe;urp;" "$work/$name.odt" >"$work/soffice.log" 2>&1 &
office_pid=$!

window=""
for _ in $(seq 120); do
  window=$(xdotool search --onlyvisible --name "$name.*LibreOffice Writer" 2>/dev/null |
           head -1) || true
  [ -n "$window" ] && break
  sleep 0.5
done
if [ -z "$window" ]; then
  echo "screenshot: no Writer window appeared; soffice.log:" >&2
  tail -20 "$work/soffice.log" >&2
  exit 1
fi
# No window manager under Xvfb: "maximise" by placing the window over the whole screen.
xdotool windowmove --sync "$window" 0 0 windowsize --sync "$window" "$width" "$height" || true
xdotool windowactivate "$window" 2>/dev/null || xdotool windowfocus "$window" || true
sleep 8  # layout, comment margin and toolbar icons
/usr/bin/import -window root "$work/shot.png"

mkdir -p "$(dirname "$out")" "$(dirname "$menu_out")"
# A readable size for a README, few colours: small PNG.
/usr/bin/convert "$work/shot.png" -resize '1400x>' -strip -colors 256 "PNG8:$out"
echo "screenshot: wrote $out ($(stat -c %s "$out") bytes)" >&2

# The menu, opened as a user would: its mnemonic. The top-left corner: menu bar, toolbars, menu.
xdotool key --clearmodifiers "alt+$menu_key"
sleep 2
/usr/bin/import -window root "$work/menu.png"
/usr/bin/convert "$work/menu.png" -crop 1280x420+0+0 +repage -strip -colors 256 "PNG8:$menu_out"
echo "screenshot: wrote $menu_out ($(stat -c %s "$menu_out") bytes)" >&2
xdotool key --clearmodifiers Escape

if [ -n "${ATTRIB_SHOT_TOOLBARS:-}" ]; then
  # View > Toolbars: the list names the toolbar.
  xdotool key --clearmodifiers "alt+$view_key"
  sleep 1
  xdotool key --clearmodifiers Down Down Down Right  # Toolbars: the 4th entry
  sleep 2
  /usr/bin/import -window root "$ATTRIB_SHOT_TOOLBARS"
  xdotool key --clearmodifiers Escape Escape
  echo "screenshot: wrote $ATTRIB_SHOT_TOOLBARS" >&2
fi

if [ -n "${ATTRIB_SHOT_DECK:-}" ]; then
  # The deck opened on the document's frame (a UNO client on the pipe); then the first speaker's
  # first quote clicked in the deck's list, so the picture shows that quote selected in the text.
  click=$(/usr/bin/python3 - "$pipe" <<'PY'
import sys, time
import uno
ctx = uno.getComponentContext()
resolver = ctx.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", ctx)
remote = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % sys.argv[1])
desktop = remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
doc = desktop.getCurrentComponent()
for _ in range(50):
    if doc is not None:
        break
    time.sleep(0.2)
    doc = desktop.getCurrentComponent()
sidebar = doc.getCurrentController().getSidebar()
sidebar.setVisible(True)
decks = sidebar.getDecks()
if not decks.hasByName("AttribDeck"):
    sys.exit("screenshot: no AttribDeck among the sidebar's decks: %s" % (decks.getElementNames(),))
deck = decks.getByName("AttribDeck")
deck.activate(True)
time.sleep(3)
panel = deck.getPanels().getByName("AttribPanel").getDialog()  # the panel's XToolPanel
if panel is None:
    sys.exit("screenshot: the sidebar gives no Attribution panel")
# LibreOffice 7.4 hands out the panel's element or its window: take what leads to the controls.
if hasattr(panel, "getRealInterface"):
    panel = panel.getRealInterface()
window = panel.getWindow() if hasattr(panel, "getWindow") else panel
if not hasattr(window, "getControl"):
    sys.exit("screenshot: the Attribution panel is %s" % ([t.typeName for t in panel.Types],))
items = window.getControl("list")
entries = items.getItems()
first_quote = next(i for i in range(1, len(entries)) if entries[i].startswith("        "))
# Where that entry is on the screen (the list's accessible items), for the click.
def entry_box(acc, index):
    c = acc.getAccessibleContext()
    n = c.getAccessibleChildCount()
    if n == len(entries):
        item = c.getAccessibleChild(index).getAccessibleContext()
        p, z = item.getLocationOnScreen(), item.getSize()
        return p.X + min(z.Width, 200) // 2, p.Y + z.Height // 2
    for k in range(n):
        found = entry_box(c.getAccessibleChild(k), index)
        if found:
            return found
    return None
box = entry_box(items.getPeer(), first_quote)
if box is None:
    sys.exit("screenshot: the list's entries have no place on the screen")
print("%d %d" % box)
PY
  )
  xdotool mousemove --sync ${click% *} ${click#* } click 1
  sleep 6
  /usr/bin/import -window root "$work/deck.png"
  mkdir -p "$(dirname "$ATTRIB_SHOT_DECK")"
  /usr/bin/convert "$work/deck.png" -resize '1400x>' -strip -colors 256 "PNG8:$ATTRIB_SHOT_DECK"
  echo "screenshot: wrote $ATTRIB_SHOT_DECK ($(stat -c %s "$ATTRIB_SHOT_DECK") bytes)" >&2
fi

if [ -n "${ATTRIB_SHOT_OPTIONS:-}" ]; then
  # Tools > Options opened on the Attribution page, as the Extension Manager's Options button
  # does it: .uno:OptionsTreeDialog with the page's URL (as LibreOffice expanded the leaf's
  # %origin%). The dialog is modal: the client dispatching it waits in the background.
  /usr/bin/python3 - "$pipe" >"$work/options.log" 2>&1 <<'PY' &
import sys
import uno
from com.sun.star.beans import PropertyValue
ctx = uno.getComponentContext()
resolver = ctx.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", ctx)
remote = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % sys.argv[1])
smgr = remote.ServiceManager
provider = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", remote)
node = PropertyValue()
node.Name = "nodepath"
node.Value = "/org.openoffice.Office.OptionsDialog/Nodes/Writer/Leaves/org.attrib.writer.options"
leaf = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (node,))
page = PropertyValue()
page.Name = "OptionsPageURL"
page.Value = leaf.getByName("OptionsPage")
desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", remote)
helper.executeDispatch(desktop.getCurrentFrame(), ".uno:OptionsTreeDialog", "", 0, (page,))
PY
  options_client=$!
  sleep 6
  /usr/bin/import -window root "$work/options.png"
  mkdir -p "$(dirname "$ATTRIB_SHOT_OPTIONS")"
  # The dialog is centred on the screen: its box is what differs from the window behind it.
  /usr/bin/convert "$work/options.png" -gravity center -crop 1000x720+0+0 +repage -strip \
    -colors 256 "PNG8:$ATTRIB_SHOT_OPTIONS"
  echo "screenshot: wrote $ATTRIB_SHOT_OPTIONS ($(stat -c %s "$ATTRIB_SHOT_OPTIONS") bytes)" >&2
  xdotool key --clearmodifiers Escape
  sleep 1
  kill "$options_client" 2>/dev/null || true
fi

if [ -n "${ATTRIB_SHOT_SOURCES:-}" ]; then
  # Attribution > Sources Report: the new document it opens, in front.
  /usr/bin/python3 - "$pipe" >"$work/sources.log" 2>&1 <<'PY'
import sys
import uno
ctx = uno.getComponentContext()
resolver = ctx.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", ctx)
remote = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % sys.argv[1])
smgr = remote.ServiceManager
desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", remote)
helper.executeDispatch(desktop.getCurrentFrame(), "org.attrib:SourcesReport", "", 0, ())
PY
  sleep 4
  report=""
  for _ in $(seq 40); do
    report=$(xdotool search --onlyvisible --name "LibreOffice Writer" 2>/dev/null | grep -v "^$window\$" |
             tail -1) || true
    [ -n "$report" ] && break
    sleep 0.5
  done
  if [ -z "$report" ]; then
    echo "screenshot: the sources report did not open:" >&2
    cat "$work/sources.log" >&2
    exit 1
  fi
  xdotool windowmove --sync "$report" 0 0 windowsize --sync "$report" "$width" 700 || true
  xdotool windowactivate "$report" 2>/dev/null || xdotool windowfocus "$report" || true
  sleep 4
  /usr/bin/import -window root "$work/sources.png"
  mkdir -p "$(dirname "$ATTRIB_SHOT_SOURCES")"
  /usr/bin/convert "$work/sources.png" -crop "${width}x700+0+0" +repage -resize '1400x>' -strip \
    -colors 256 "PNG8:$ATTRIB_SHOT_SOURCES"
  echo "screenshot: wrote $ATTRIB_SHOT_SOURCES ($(stat -c %s "$ATTRIB_SHOT_SOURCES") bytes)" >&2
fi
