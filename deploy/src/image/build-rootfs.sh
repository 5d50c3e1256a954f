#!/usr/bin/env bash
# Builds the container image's root filesystem as a tar, from local files only (no registry is needed):
#   /opt/java   a JRE jlinked from the build's JDK (modules listed in ./modules)
#   /opt/scope  the scope distribution (scope.jar + lib/)
#   /lib...     the glibc libraries the JRE and the native libraries in the jars link against
#   /bin        busybox (a shell for the terminal control and for debugging), when busybox-static is installed
#   /etc        passwd and group
# Usage: build-rootfs.sh JAVA_HOME CLI_TARGET OUT_DIR   -> OUT_DIR/scope-rootfs.tar
#   CLI_TARGET is cli/target after `package`: scope.jar and lib/.
# Import it with ./deploy/image.sh (or docker import with the changes in ./import-changes).
set -euo pipefail
java_home="$1"; dist="$2"; out="$3"
[ -f "$dist/scope.jar" ] && [ -d "$dist/lib" ] || { echo "build-rootfs: no $dist/scope.jar and lib/: build the cli module first" >&2; exit 1; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
modules="$(tr -d ' \n' < "$here/modules")"
jre="$out/jre"
rootfs="$out/rootfs"

# jlink takes ~20 s: reuse the JRE while the JDK and the module list are unchanged.
stamp="$("$java_home/bin/java" -version 2>&1 | head -1) $modules cds"
if [ ! -x "$jre/bin/java" ] || [ "$(cat "$out/jre.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$jre"
  "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress zip-6 --generate-cds-archive --output "$jre"
  # The JDK's class data sharing archive saves ~15% of the start-up (measured: 12.9 -> 11.2 s to the first /api on
  # a loaded 2-core machine); the no-compressed-oops variant serves only heaps over 32 GB: drop its 14 MB.
  rm -f "$jre/lib/server/classes_nocoops.jsa"
  echo "$stamp" > "$out/jre.stamp"
fi

rm -rf "$rootfs"
# /var/lib/scope: the JVM keeps a class-data archive of Scope's own classes there (AutoCreateSharedArchive in
# ./import-changes), made at the first exit and used by every later start of the same container (5 s instead of 20).
mkdir -p "$rootfs/opt" "$rootfs/etc" "$rootfs/tmp" "$rootfs/root" "$rootfs/var/run/scope/plugins" "$rootfs/var/lib/scope"
chmod 1777 "$rootfs/tmp"
cp -a "$jre" "$rootfs/opt/java"
mkdir -p "$rootfs/opt/scope"
cp -a "$dist/scope.jar" "$dist/lib" "$rootfs/opt/scope/"

mkdir -p "$rootfs/bin"
if bb="$(command -v busybox)"; then
  cp -L "$bb" "$rootfs/bin/busybox"
  for applet in $("$rootfs/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
  done
else
  echo "build-rootfs: busybox is not installed (apt-get install busybox-static): the image has no shell" >&2
fi

# Shared libraries: what the JRE's binaries link against, plus libgcc_s (glibc loads it for thread
# cancellation) and the loader. Everything is found with ldd on this machine, so the image matches the JDK.
libs="$( { ldd "$jre/bin/java"; [ -e "$rootfs/bin/busybox" ] && ldd "$rootfs/bin/busybox"; find "$jre" -name '*.so' -exec ldd {} \; ; } 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | grep -v "^$jre" | sort -u || true)"
for extra in /lib/x86_64-linux-gnu/libgcc_s.so.1 /lib/x86_64-linux-gnu/libutil.so.1 /lib/x86_64-linux-gnu/librt.so.1; do
  [ -e "$extra" ] && libs="$libs"$'\n'"$extra"
done
for lib in $libs; do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done
# Debian's loader lives at /lib64 -> /lib/x86_64-linux-gnu
[ -e "$rootfs/lib64/ld-linux-x86-64.so.2" ] || { mkdir -p "$rootfs/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$rootfs/lib64/"; }

printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$rootfs/etc/group"

# Reproducible: fixed owners, order and times.
tar --numeric-owner --owner=0 --group=0 --sort=name --mtime=@0 -C "$rootfs" -cf "$out/scope-rootfs.tar.tmp" .
mv "$out/scope-rootfs.tar.tmp" "$out/scope-rootfs.tar"
echo "build-rootfs: $out/scope-rootfs.tar ($(du -m "$out/scope-rootfs.tar" | cut -f1) MB)"
