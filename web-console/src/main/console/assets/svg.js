// Hand-drawn SVG: the referral link's QR code (modules from the qrcode-generator package) and the earnings bar chart.
import qrcode from "./vendor/qrcode.mjs";

const NS = "http://www.w3.org/2000/svg";

function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

/** The text as a QR code (error correction M), one path of dark modules with a quiet zone of four. */
export function qrCode(text, label) {
  const code = qrcode(0, "M");
  code.addData(text, "Byte");
  code.make();
  const count = code.getModuleCount();
  const size = count + 8;
  let path = "";
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (code.isDark(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
  }
  return s("svg", { viewBox: `0 0 ${size} ${size}`, width: size * 6, height: size * 6, role: "img",
    "aria-label": label, class: "qr", "data-modules": count, "shape-rendering": "crispEdges" },
  s("title", {}, label), s("rect", { width: size, height: size, fill: "#fff" }), s("path", { d: path, fill: "#000" }));
}

/** Months from the first to the last one with figures (at most the last twelve), those without figures as zero. */
function monthRange(months) {
  if (!months.length) return [];
  const sorted = [...months].sort();
  let [year, month] = sorted[0].split("-").map(Number);
  const [lastYear, lastMonth] = sorted[sorted.length - 1].split("-").map(Number);
  const all = [];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    all.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) { month = 1; year += 1; }
  }
  return all.slice(-12);
}

/**
 * Earnings by month as bars: commissions earned above the axis, clawbacks and negative adjustments below. Each bar
 * has a <title> (the figure on hover and for screen readers).
 */
export function earningsChart(earnings) {
  const byMonth = new Map(earnings.map((e) => [e.month, e]));
  const months = monthRange(earnings.map((e) => e.month));
  const rows = months.map((month) => {
    const e = byMonth.get(month);
    const earned = Number(e?.earned ?? 0) + Math.max(0, Number(e?.adjusted ?? 0));
    const taken = Number(e?.clawed_back ?? 0) + Math.min(0, Number(e?.adjusted ?? 0));
    return { month, earned, taken };
  });
  const width = 640;
  const height = 240;
  const left = 56;
  const bottom = 28;
  const top = 12;
  const max = Math.max(0.01, ...rows.map((r) => r.earned));
  const min = Math.min(0, ...rows.map((r) => r.taken));
  const plot = height - top - bottom;
  const y = (value) => top + plot * (max - value) / (max - min);
  const slot = (width - left - 8) / Math.max(rows.length, 1);
  const bar = Math.min(48, slot * 0.6);
  const chart = s("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", id: "earnings-chart",
    "aria-label": `Earnings by month: ${rows.map((r) => `${r.month} ${r.earned.toFixed(2)}`).join(", ") || "none yet"}` });
  for (const value of [max, max / 2, 0, min].filter((v, i, all) => all.indexOf(v) === i)) {
    chart.append(s("line", { x1: left, x2: width - 4, y1: y(value), y2: y(value), class: value === 0 ? "axis" : "grid" }),
      s("text", { x: left - 6, y: y(value) + 4, "text-anchor": "end", class: "tick" }, value.toFixed(2)));
  }
  rows.forEach((r, i) => {
    const x = left + slot * i + (slot - bar) / 2;
    if (r.earned > 0) {
      chart.append(s("rect", { x, y: y(r.earned), width: bar, height: y(0) - y(r.earned), class: "bar earned",
        "data-month": r.month }, s("title", {}, `${r.month}: earned ${r.earned.toFixed(2)}`)));
    }
    if (r.taken < 0) {
      chart.append(s("rect", { x, y: y(0), width: bar, height: y(r.taken) - y(0), class: "bar taken" },
        s("title", {}, `${r.month}: clawed back ${r.taken.toFixed(2)}`)));
    }
    chart.append(s("text", { x: x + bar / 2, y: height - 8, "text-anchor": "middle", class: "tick" }, r.month));
  });
  return chart;
}
