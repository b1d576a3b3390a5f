import { Path, Rect, Svg } from '@react-pdf/renderer';
import { create } from 'qrcode/lib/core/qrcode.js';

/** The QR symbol's own margin, in modules: readers need four light modules around it. */
const QUIET = 4;

/**
 * The dark modules as one vector path: each run of dark modules in a row is one rectangle. One
 * path keeps the PDF small and prints sharp at any size (no bitmap).
 */
function qrPath(url: string): { size: number; d: string } {
  const { modules } = create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      const x = start + QUIET;
      const y = row + QUIET;
      parts.push(`M${x} ${y}H${col + QUIET}V${y + 1}H${x}Z`);
    }
  }
  return { size: n + 2 * QUIET, d: parts.join('') };
}

/** A QR code leading to `url`, `size` points wide including its quiet zone (on white); `alt`: its description in the tagged PDF. */
export function QrCode({ url, size, color, alt }: { url: string; size: number; color: string; alt: string }) {
  const { size: n, d } = qrPath(url);
  return (
    <Svg viewBox={`0 0 ${n} ${n}`} style={{ width: size, height: size }} tag="Figure" alt={alt}>
      <Rect x={0} y={0} width={n} height={n} fill="#FFFFFF" />
      <Path d={d} fill={color} />
    </Svg>
  );
}
