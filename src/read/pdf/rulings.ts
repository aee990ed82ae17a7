// The ruling lines a page draws (stroked paths and thin filled bars), joined where a border is drawn in pieces.
import { apply, multiply, type Matrix, type Segment } from './geometry.ts';
import type { PdfJs } from './load.ts';

/**
 * Collects the horizontal and vertical lines a page draws: stroked paths, and filled rectangles thin as a rule. White
 * lines are left out (some programs draw them over a border to hide it).
 */
export function rulings(
  ops: { fnArray: number[]; argsArray: unknown[] },
  OPS: PdfJs['OPS'],
  vt: Matrix,
  horizontal: Segment[],
  vertical: Segment[],
): void {
  let state = { ctm: [1, 0, 0, 1, 0, 0] as Matrix, stroke: '#000000', fill: '#000000' };
  const stack: (typeof state)[] = [];
  const add = (ax: number, ay: number, bx: number, by: number, thickness: number) => {
    const t = multiply(vt, state.ctm);
    const [x0, y0] = apply(t, ax, ay);
    const [x1, y1] = apply(t, bx, by);
    const tol = Math.max(0.5, thickness);
    if (Math.abs(y1 - y0) <= tol && Math.abs(x1 - x0) >= 2) {
      const y = (y0 + y1) / 2;
      horizontal.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: y, y1: y });
    } else if (Math.abs(x1 - x0) <= tol && Math.abs(y1 - y0) >= 2) {
      const x = (x0 + x1) / 2;
      vertical.push({ x0: x, x1: x, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
    }
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state.ctm = multiply(state.ctm, args as unknown as Matrix);
    else if (fn === OPS.setStrokeRGBColor) state.stroke = String(args?.[0] ?? '');
    else if (fn === OPS.setFillRGBColor) state.fill = String(args?.[0] ?? '');
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ...state });
      const matrix = args?.[0] as Matrix | null | undefined;
      if (matrix && matrix.length === 6) state.ctm = multiply(state.ctm, [...matrix] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as (Float32Array | number[] | null)[] | undefined)?.[0];
      if (!data || paint === OPS.endPath) continue;
      const stroke =
        paint === OPS.stroke ||
        paint === OPS.closeStroke ||
        paint === OPS.fillStroke ||
        paint === OPS.eoFillStroke ||
        paint === OPS.closeFillStroke ||
        paint === OPS.closeEOFillStroke;
      if ((stroke ? state.stroke : state.fill).toLowerCase() === '#ffffff') continue;
      for (const sub of subpaths(data)) {
        if (stroke) {
          for (let k = 1; k < sub.length; k++) add(sub[k - 1]![0], sub[k - 1]![1], sub[k]![0], sub[k]![1], 0);
          continue;
        }
        // A filled rectangle thin in one direction is a rule drawn as a bar (Word and browsers draw borders so).
        const xs = sub.map((p) => p[0]);
        const ys = sub.map((p) => p[1]);
        const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        const t = multiply(vt, state.ctm);
        const [ax, ay] = apply(t, minX, minY);
        const [bx, by] = apply(t, maxX, maxY);
        const w = Math.abs(bx - ax);
        const h = Math.abs(by - ay);
        if (h <= 3 && w > h) add(minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2, h);
        else if (w <= 3 && h > w) add((minX + maxX) / 2, minY, (minX + maxX) / 2, maxY, w);
      }
    }
  }
}

/** The subpaths of a pdf.js path (moveTo/lineTo/curveTo/closePath codes with their coordinates) as point lists. */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < data.length;) {
    const op = data[i]!;
    if (op === 0) {
      if (current.length > 1) out.push(current);
      current = [[data[i + 1]!, data[i + 2]!]];
      i += 3;
    } else if (op === 1) {
      current.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (op === 2) {
      // A curve is not a rule: the subpath ends here.
      if (current.length > 1) out.push(current);
      current = [[data[i + 5]!, data[i + 6]!]];
      i += 7;
    } else if (op === 3) {
      if (current.length > 1) out.push(current);
      current = [[data[i + 3]!, data[i + 4]!]];
      i += 5;
    } else if (op === 4) {
      if (current.length > 1) {
        current.push(current[0]!);
        out.push(current);
        current = [current[0]!];
      }
      i += 1;
    } else break;
  }
  if (current.length > 1) out.push(current);
  return out;
}

/** Joins collinear pieces of a line (a border drawn cell by cell is one rule). */
export function mergeSegments(segs: Segment[], dir: 'h' | 'v'): Segment[] {
  const pos = (s: Segment) => (dir === 'h' ? s.y0 : s.x0);
  const lo = (s: Segment) => (dir === 'h' ? s.x0 : s.y0);
  const hi = (s: Segment) => (dir === 'h' ? s.x1 : s.y1);
  const sorted = [...segs].sort((a, b) => pos(a) - pos(b) || lo(a) - lo(b));
  const out: Segment[] = [];
  for (const s of sorted) {
    let merged = false;
    for (let k = out.length - 1; k >= 0; k--) {
      const o = out[k]!;
      if (pos(s) - pos(o) > 1) break;
      if (lo(s) <= hi(o) + 2 && hi(s) >= lo(o) - 2) {
        if (dir === 'h') out[k] = { x0: Math.min(o.x0, s.x0), x1: Math.max(o.x1, s.x1), y0: o.y0, y1: o.y0 };
        else out[k] = { x0: o.x0, x1: o.x0, y0: Math.min(o.y0, s.y0), y1: Math.max(o.y1, s.y1) };
        merged = true;
        break;
      }
    }
    if (!merged) out.push({ ...s });
  }
  return out;
}
