import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code of `value` as an SVG image (crisp when printed). The device codes' links are fixed
 * (contracts.md §4: `<PUBLIC_BASE_URL>/d/<code>`); the API answers them as `qrUrl`.
 */
export function QrCode({ value, size = 160, label }: { value: string; size?: number; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((text) => {
      if (live) setSvg(text);
    });
    return () => {
      live = false;
    };
  }, [value]);
  return svg ? (
    <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} width={size} height={size} alt={label} data-qr-value={value} />
  ) : (
    <div style={{ width: size, height: size }} aria-busy="true" aria-label={label} />
  );
}

/** Print CSS: only the `.zz-print-area` of the page is printed (the menu and buttons are not). */
export const PRINT_CSS =
  '@media print { body * { visibility: hidden !important; } .zz-print-area, .zz-print-area * { visibility: visible !important; } ' +
  '.zz-print-area { position: absolute; left: 0; top: 0; width: 100%; } .zz-no-print { display: none !important; } ' +
  '.zz-qr-cell { break-inside: avoid; page-break-inside: avoid; } }';
