#!/bin/sh
# A reproducible 1920x1080, 1,000-frame "terminal" recording: lines appear one by one (every 24 frames),
# a clock at the bottom right changes every frame. Needs ffmpeg with drawtext (Debian's has it).
set -e
OUT=${1:-screen-1080p.gif}
FONT=${FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf}
F=""
i=0
while [ $i -lt 40 ]; do
  F="$F,drawtext=fontfile=$FONT:fontsize=22:fontcolor=0xcdd6f4:x=40:y=$((30 + i * 25)):text='\$ step $i  building module-$i ... ok  [####################]':enable='gte(n\,$((i * 24)))'"
  i=$((i + 1))
done
ffmpeg -v error -y -f lavfi -i "color=c=0x1e1e2e:s=1920x1080:r=50:d=20" \
  -vf "format=rgb24${F},drawtext=fontfile=$FONT:fontsize=22:fontcolor=0xa6e3a1:x=1700:y=1040:text='%{n}',split[a][b];[a]palettegen=max_colors=64:stats_mode=diff[p];[b][p]paletteuse=dither=none:diff_mode=rectangle" \
  -frames:v 1000 "$OUT"
