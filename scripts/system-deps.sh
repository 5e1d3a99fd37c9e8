#!/usr/bin/env bash
# System packages yusuan needs beyond its Python dependencies. Idempotent: installs only what is missing.
#   - a CJK font (fonts-noto-cjk): WeasyPrint embeds it so the rendered PDF shows Chinese, not boxes;
#   - libharfbuzz-subset0: WeasyPrint subsets that font with HarfBuzz (fast) instead of fontTools (slow);
#   - chromium: the web app's end-to-end tests drive Debian's headless Chromium through Playwright
#     (never `playwright install`, which downloads a browser of its own).
# Run as root (or with sudo) on Debian/Ubuntu; prints what it does, exits 0 when all is present.
set -euo pipefail

missing=()

# fc-list :lang=zh lists fonts that cover Chinese; empty output means PDF text would fall back to boxes.
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  missing+=(fontconfig fonts-noto-cjk)
fi

# HarfBuzz's subsetter lets WeasyPrint embed a subset of the (large, CFF) CJK font in C instead of fontTools:
# PDF writing drops from ~20 s to ~1 s for the bundled example.
if ! ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset\.so\.0'; then
  missing+=(libharfbuzz-subset0)
fi

# The end-to-end tests of `yusuan serve` (tests/web/test_e2e.py) launch /usr/bin/chromium.
if [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "system-deps: CJK font present ($(fc-list :lang=zh family | head -n 1)), HarfBuzz subsetter present, chromium present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: 缺少 ${missing[*]}。本机没有 apt-get，请用系统的包管理器安装中文字体（如 Noto Sans CJK SC）、HarfBuzz subset 库和 Chromium。" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
    echo "system-deps: 缺少 ${missing[*]}，安装需要 root 权限。请以 root 运行，或请管理员执行：" >&2
    echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
    echo "（./dev demo 不需要这些包；它们用于生成 PDF 和网页测试。）" >&2
    exit 1
  fi
  SUDO="sudo -n"
fi

echo "system-deps: installing ${missing[*]}"
# update the package lists only when they are absent, so a re-run stays quick and offline-friendly
if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$')" ]; then
  $SUDO apt-get update -qq
fi
if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  # stale lists (a package moved): refresh once and retry
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
fc-cache -f >/dev/null 2>&1 || true

ldconfig 2>/dev/null || true
if [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  echo "system-deps: a CJK font was installed but fc-list :lang=zh still finds none" >&2
  exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "system-deps: chromium was installed but /usr/bin/chromium is missing" >&2
  exit 1
fi
echo "system-deps: CJK font ready ($(fc-list :lang=zh family | head -n 1)), chromium ready"
